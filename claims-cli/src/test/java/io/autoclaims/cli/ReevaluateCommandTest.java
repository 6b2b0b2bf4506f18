package io.autoclaims.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.testkit.SyntheticBacklog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code claims reevaluate} end to end, in-process: the records, the summary on stderr, resume, exit codes. */
class ReevaluateCommandTest {

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void writesWhatAdjudicateWritesWithTheSummaryOnStandardErrorAndResumesFromACheckpoint() throws IOException {
        Path in = dir.resolve("backlog.jsonl");
        SyntheticBacklog.write(in, 1500, 8);
        Path expected = dir.resolve("adjudicated.jsonl");
        assertEquals(0, run("adjudicate", "--in", in.toString(), "--out", expected.toString()).status());

        Path out = dir.resolve("reevaluated.jsonl");
        Path ckpt = dir.resolve("ckpt");
        CliRun r = run("reevaluate", "--in", in.toString(), "--out", out.toString(), "--threads", "2",
                "--checkpoint", ckpt.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.out(), "nothing on standard output");
        assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(out));
        assertTrue(r.err().contains("rulebook autoclaims default rulebook"), r.err());
        assertTrue(r.err().contains("1,500 lines: "), r.err());
        assertTrue(r.err().contains("decisions:  APPROVED"), r.err());
        assertTrue(r.err().contains("claims/s"), r.err());

        CliRun again = run("reevaluate", "--in", in.toString(), "--out", out.toString(), "--threads", "1",
                "--checkpoint", ckpt.toString());
        assertEquals(0, again.status(), again.err());
        assertTrue(again.err().contains("complete run: nothing to do"), again.err());
        assertTrue(again.err().contains("1,500 lines: "), again.err());
        assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(out));

        // the same checkpoint with another backlog: refused, exit status 2, nothing written
        Path other = dir.resolve("other.jsonl");
        SyntheticBacklog.write(other, 1400, 8);
        CliRun refused = run("reevaluate", "--in", other.toString(), "--out", out.toString(), "--checkpoint", ckpt.toString());
        assertEquals(ClaimsCli.USAGE, refused.status(), refused.err());
        assertTrue(refused.err().contains("was made with another input"), refused.err());
        assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(out));
    }

    @Test
    void exitStatusForUnusableArgumentsRulebookAndIoFailures() throws IOException {
        Path in = dir.resolve("backlog.jsonl");
        SyntheticBacklog.write(in, 20, 8);
        Path out = dir.resolve("out.jsonl");

        CliRun missingOption = run("reevaluate", "--in", in.toString());
        assertEquals(ClaimsCli.USAGE, missingOption.status());
        assertTrue(missingOption.err().contains("--out"), missingOption.err());

        CliRun badThreads = run("reevaluate", "--in", in.toString(), "--out", out.toString(), "--threads", "0");
        assertEquals(ClaimsCli.USAGE, badThreads.status());
        assertTrue(badThreads.err().contains("--threads must be 1 or more"), badThreads.err());

        CliRun noRules = run("reevaluate", "--rules", dir.resolve("missing.xlsx").toString(), "--in", in.toString(),
                "--out", out.toString());
        assertEquals(ClaimsCli.RULEBOOK, noRules.status(), noRules.err());

        CliRun noInput = run("reevaluate", "--in", dir.resolve("missing.jsonl").toString(), "--out", out.toString());
        assertEquals(ClaimsCli.USAGE, noInput.status(), noInput.err());
        assertTrue(noInput.err().contains("missing.jsonl"), noInput.err());

        Path directory = Files.createDirectory(dir.resolve("a-directory"));
        CliRun unwritable = run("reevaluate", "--in", in.toString(), "--out", directory.toString());
        assertEquals(ClaimsCli.IO, unwritable.status(), unwritable.err());
        assertTrue(unwritable.err().contains("Reading or writing failed"), unwritable.err());
    }

    @Test
    void aHistoryRunRecordsItsVersionsAndAResumeWithAnotherAsOfIsRefusedInBothLanguages() throws IOException {
        Path history = Path.of("../examples/history");
        Path out = dir.resolve("history.jsonl");
        Path ckpt = dir.resolve("ckpt");
        CliRun r = run("reevaluate", "--history", history.toString(), "--in", history.resolve("claims.jsonl").toString(),
                "--out", out.toString(), "--threads", "1", "--checkpoint", ckpt.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("version 2026.1 from 2026-01-01 (") && r.err().contains("version 2027.1 from 2027-01-01 (")
                && r.err().contains("as of incident"), r.err());
        java.util.List<String> records = Files.readAllLines(out);
        assertEquals(5, records.size());
        assertTrue(records.get(0).contains("\"version\":\"2026.1\"") && records.get(1).contains("\"version\":\"2027.1\"")
                && records.get(2).contains("\"version\":\"2026.1\"") && records.get(3).contains("NO_RULEBOOK_IN_FORCE")
                && records.get(4).contains("\"version\":\"2027.1\""), records.toString());
        String checkpoint = Files.readString(ckpt.resolve("checkpoint.txt"));
        assertTrue(checkpoint.contains("history.versions=2") && checkpoint.contains("history.asOf=incident"), checkpoint);
        byte[] written = Files.readAllBytes(out);

        CliRun other = run("reevaluate", "--history", history.toString(), "--as-of", "submitted", "--in",
                history.resolve("claims.jsonl").toString(), "--out", out.toString(), "--checkpoint", ckpt.toString());
        assertEquals(ClaimsCli.USAGE, other.status(), other.err());
        assertTrue(other.err().contains("was made with another rulebook history: the versions were chosen --as-of incident,"
                + " not submitted."), other.err());
        assertTrue(other.err().contains("是用另一个规则集历史生成的：生成时按 --as-of incident 选择版本，而现在是 submitted"), other.err());
        assertArrayEquals(written, Files.readAllBytes(out));

        CliRun both = run("reevaluate", "--history", history.toString(), "--rules", history.resolve("2026.1").toString(),
                "--in", history.resolve("claims.jsonl").toString(), "--out", dir.resolve("x.jsonl").toString());
        assertEquals(ClaimsCli.USAGE, both.status(), both.err());
        assertTrue(both.err().contains("Give --rules or --history, not both."), both.err());
    }
}
