package io.autoclaims.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.autoclaims.batch.ImpactStatus;
import io.autoclaims.batch.ImpactSummary;
import io.autoclaims.rules.Rulebook;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checked-in impact example never goes stale: {@code impact/warranty-battery-120.xlsx} holds the
 * cells {@link ImpactExample} makes from the shipped workbook, and {@code impact-sample/} holds the bytes
 * the current code writes. After an intended change, regenerate both with
 * {@code mvn -pl examples -am test -Dtest=ImpactSampleTest -Dsurefire.failIfNoSpecifiedTests=false -Dimpact.sample.update=true}.
 */
class ImpactSampleTest {
    @TempDir
    Path dir;

    /** Surefire runs in the module directory; an IDE may run from the repository root. */
    private static Path examples() {
        return Files.isDirectory(Path.of("impact")) ? Path.of(".") : Path.of("examples");
    }

    @Test
    void theCheckedInSampleIsWhatTheCurrentCodeWrites() throws IOException {
        Path workbook = examples().resolve("impact").resolve(ImpactExample.WORKBOOK);
        Path backlog = examples().resolve("impact").resolve("ev-backlog.jsonl");
        Path sample = examples().resolve("impact-sample");
        if (Boolean.getBoolean("impact.sample.update")) {
            Files.write(workbook, ImpactExample.batteryTerm(120));
            ImpactExample.report(workbook, backlog, sample);
        }

        // the workbook: the same cells (the fingerprint hashes cell contents, not the zip's timestamps)
        Rulebook checkedIn = Rulebook.load(workbook);
        Rulebook regenerated = Rulebook.fromWorkbooks(Map.of(ImpactExample.WORKBOOK, ImpactExample.batteryTerm(120)));
        assertEquals(regenerated.fingerprint(), checkedIn.fingerprint(),
                "examples/impact/" + ImpactExample.WORKBOOK + " is stale: regenerate it (see the class comment)");

        ImpactSummary s = ImpactExample.report(workbook, backlog, dir);
        for (String f : List.of("impact.csv", "impact.html", "impact.json")) {
            assertEquals(Files.readString(sample.resolve(f), StandardCharsets.UTF_8),
                    Files.readString(dir.resolve(f), StandardCharsets.UTF_8),
                    "examples/impact-sample/" + f + " is stale: regenerate it (see the class comment)");
            assertEquals(Files.size(sample.resolve(f)), Files.size(dir.resolve(f)), f);
        }

        // what the README quotes: EV-2025-0001, -0002, -0003 and -0013 are now covered (3,600 + 28,600 + 4,200 + 2,750),
        // -0007 partly (the inverter 12,800; its e-compressor is past 36 months either way), -0008 is covered but waits
        // for its warranty card, -0004 is still expired but by distance (156,000 km) instead of time
        assertEquals(14, s.lines());
        assertEquals(1, s.errorLines());
        assertEquals(7, s.changed());
        assertEquals(4, s.transition(ImpactStatus.DENIED, ImpactStatus.APPROVED));
        assertEquals(1, s.transition(ImpactStatus.DENIED, ImpactStatus.PARTIALLY_APPROVED));
        assertEquals(1, s.transition(ImpactStatus.DENIED, ImpactStatus.PENDING_DOCUMENTS));
        assertEquals(new BigDecimal("18500.00"), s.oldPayable());   // EV-2025-0006 2,100 + -0011 12,800 + -0012 3,600
        assertEquals(new BigDecimal("70450.00"), s.newPayable());
        assertEquals(new BigDecimal("51950.00"), s.delta());
    }
}
