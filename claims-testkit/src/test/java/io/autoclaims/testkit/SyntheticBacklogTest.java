package io.autoclaims.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.model.ClaimType;
import io.autoclaims.model.json.ClaimCodec;
import io.autoclaims.model.json.ReadResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator: deterministic, a realistic mix, about 1 % bad lines, every bad line bad and every other
 * valid. What the default rulebook decides on it is claims-batch's SyntheticBacklogDecisionsTest.
 */
class SyntheticBacklogTest {
    private static final ClaimCodec CODEC = ClaimCodec.create();

    @TempDir
    Path dir;

    @Test
    void sameSeedSameBacklogAndALongerBacklogStartsWithTheShorterOne() throws IOException {
        List<String> a = SyntheticBacklog.lines(2000, 9).toList();
        assertEquals(a, SyntheticBacklog.lines(2000, 9).toList());
        assertEquals(a.subList(0, 500), SyntheticBacklog.lines(500, 9).toList());
        assertNotEquals(a, SyntheticBacklog.lines(2000, 10).toList());
        Path file = dir.resolve("b.jsonl");
        SyntheticBacklog.write(file, 2000, 9);
        assertArrayEquals((String.join("\n", a) + "\n").getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file));
        assertEquals(0, SyntheticBacklog.lines(0, 9).count());
    }

    @Test
    void aboutOnePercentOfTheLinesAreBadAndEveryOtherLineHoldsAValidClaim() {
        int n = 30_000;
        Map<ClaimType, Integer> types = new EnumMap<>(ClaimType.class);
        Set<String> errorCodes = new HashSet<>();
        Set<String> ids = new HashSet<>();
        int bad = 0;
        int crlf = 0;
        List<String> lines = SyntheticBacklog.lines(n, 77).toList();
        for (int i = 0; i < n; i++) {
            String line = lines.get(i);
            if (line.endsWith("\r")) {
                crlf++;
                line = line.substring(0, line.length() - 1);
            }
            ReadResult r = CODEC.read(line, i + 1);
            if (SyntheticBacklog.isBad(i + 1, 77)) {
                bad++;
                ReadResult.Failed f = assertInstanceOf(ReadResult.Failed.class, r, "line " + (i + 1) + ": " + line);
                String message = f.error().error().message();
                errorCodes.add(f.error().error().code() + " " + f.error().error().field() + " "
                        + message.substring(0, Math.min(35, message.length())));
            } else {
                int at = i + 1;
                ReadResult.Ok ok = assertInstanceOf(ReadResult.Ok.class, r, () -> "line " + at + ": " + r);
                types.merge(ok.claim().type(), 1, Integer::sum);
                assertTrue(ids.add(ok.claim().claimId()), "claim ids are unique");
            }
        }
        assertTrue(bad > n * 0.006 && bad < n * 0.014, "bad lines: " + bad);
        assertTrue(errorCodes.size() >= 12, "bad in many ways: " + errorCodes);
        assertTrue(crlf > 0, "some lines end with CRLF");
        assertTrue(types.get(ClaimType.WARRANTY) > n * 0.45, types.toString());
        assertTrue(types.get(ClaimType.INSURANCE) > n * 0.28, types.toString());
        assertTrue(types.get(ClaimType.ASSISTANCE) > n * 0.15, types.toString());
    }
}
