package io.autoclaims.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long backlog runs in a small heap: nothing is kept per claim once its record is written (a
 * reused Drools session that only deleted its facts used to keep ~4 KB per claim).
 */
class BoundedMemoryTest {
    private static final String CLAIM = "{\"claimId\":\"W-%d\",\"type\":\"WARRANTY\",\"submittedOn\":\"2024-05-21\","
            + "\"vehicle\":{\"vin\":\"LSGKB54H8JA123456\",\"purchasedOn\":\"2023-01-10\",\"odometerKm\":%d},"
            + "\"incident\":{\"occurredOn\":\"2024-05-20\",\"cause\":\"QUALITY_DEFECT\"},"
            + "\"repairShop\":{\"id\":\"4S-SH-001\",\"authorized\":true,\"tier\":\"DEALER_4S\"},"
            + "\"lines\":[{\"lineId\":\"L1\",\"system\":\"BRAKE\",\"part\":\"制动主缸\",\"repairCostCny\":950.00,"
            + "\"replaceCostCny\":2100.00},{\"lineId\":\"L2\",\"system\":\"FLUID\",\"part\":\"brake fluid\","
            + "\"repairCostCny\":80.00,\"replaceCostCny\":80.00}],\"documents\":[\"REPAIR_ORDER\"]}";

    @TempDir
    Path dir;

    @Test
    void fortyThousandClaimsInA96MegabyteHeap() throws IOException, InterruptedException {
        Path in = dir.resolve("in.jsonl");
        int n = 40_000;
        try (Writer w = Files.newBufferedWriter(in, StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                w.write(String.format(CLAIM, i, 1000 + i % 90_000));
                w.write('\n');
            }
        }
        Path out = dir.resolve("out.jsonl");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx96m", "-cp", System.getProperty("java.class.path"),
                ClaimsCli.class.getName(), "adjudicate", "--in", in.toString(), "--out", out.toString()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("log.txt").toFile())
                .start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the run finished");
        String log = Files.readString(dir.resolve("log.txt"));
        assertEquals(0, p.exitValue(), log);
        try (var lines = Files.lines(out)) {
            assertEquals(n, lines.count());
        }
    }
}
