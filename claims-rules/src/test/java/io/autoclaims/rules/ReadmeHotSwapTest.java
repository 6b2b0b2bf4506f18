package io.autoclaims.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.model.Claim;
import io.autoclaims.model.json.ClaimCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's hot-swap snippet, run as the README has it. Its lines from the third on (after
 * {@code rules} and {@code adjudicator} are made) are the body of {@link #snippet}, which the first test
 * compares with the README line for line ({@link ReadmeSnippets}), so neither can change without the
 * other. The snippet must be right after a refused swap (its rollback must not throw) and after one
 * that went through.
 */
class ReadmeHotSwapTest {
    @TempDir
    Path dir;

    /** The snippet's {@code log}: what it logged, by level. */
    static final class Log {
        final List<String> info = new ArrayList<>();
        final List<String> warn = new ArrayList<>();

        void info(String line) {
            info.add(line);
        }

        void warn(String line) {
            warn.add(line);
        }
    }

    private final Log log = new Log();
    private final List<String> served = new ArrayList<>();

    /** The snippet's {@code serve}: the host adjudicating claims while the watcher runs. */
    private void serve(Adjudicator adjudicator) throws IOException {
        String line = Rulebook.defaultResource("scenarios/warranty.jsonl").lines().findFirst().orElseThrow();
        Claim claim = ClaimCodec.create().readClaim(line);
        served.add(adjudicator.adjudicate(claim).rulebook().fingerprint());
    }

    /** Runs the README's snippet from its third line on, with its {@code rules} and {@code adjudicator}. */
    private void snippet(Path rules, Adjudicator adjudicator) throws IOException {
        // README hot-swap snippet: begin
        // an analyst published new workbooks in the folder: load, check, then switch
        try {
            Rulebook replaced = adjudicator.swap(rules);
            log.info("rulebook " + adjudicator.rulebook() + " replaces " + replaced);
        } catch (RulebookException e) {  // refused: nothing changed, the running rulebook stays
            e.errors().forEach(i -> log.warn(i + " / " + i.toStringZh()));
        }

        // verdicts look wrong after a swap: back to the rulebook it replaced (none before a swap went through)
        if (adjudicator.previous().isPresent()) {
            adjudicator.rollback();
        }

        // or: reload whenever an analyst saves a workbook in the folder
        try (RulebookWatcher watcher = RulebookWatcher.watch(adjudicator, rules,
                Duration.ofSeconds(2), reload -> log.info(reload.toString()))) {
            serve(adjudicator);
        }
        // README hot-swap snippet: end
    }

    @Test
    void theReadmesSnippetIsTheCodeThisTestRuns() throws IOException {
        List<String> block = ReadmeSnippets.block("## Hot swap", 0);
        assertEquals("Path rules = Path.of(\"/srv/rules\");", block.get(0));
        assertEquals("Adjudicator adjudicator = Adjudicator.of(Rulebook.load(rules));", block.get(1));
        assertEquals("", block.get(2));
        assertEquals(block.subList(3, block.size()), ReadmeSnippets.code(getClass(), "hot-swap snippet"),
                "README.md's hot-swap snippet and ReadmeHotSwapTest.snippet differ");
    }

    /** The shipped workbooks and their scenario files in a folder, as a host deploys them. */
    private Path rulesFolder() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.createDirectories(rules.resolve("scenarios"));
        for (Map.Entry<String, byte[]> w : Rulebook.defaultWorkbooks().entrySet()) {
            Files.write(rules.resolve(w.getKey()), w.getValue());
        }
        for (String type : List.of("warranty", "insurance", "assistance")) {
            Files.writeString(rules.resolve("scenarios/" + type + ".jsonl"),
                    Rulebook.defaultResource("scenarios/" + type + ".jsonl"));
        }
        return rules;
    }

    @Test
    void afterARefusedSwapTheSnippetLogsWhyKeepsTheRulebookAndDoesNotThrow() throws IOException {
        Path rules = rulesFolder();
        Adjudicator adjudicator = Adjudicator.of(Rulebook.load(rules));
        Rulebook running = adjudicator.rulebook();
        // the folder loses a workbook: the swap is refused
        Files.delete(rules.resolve("insurance.xlsx"));

        snippet(rules, adjudicator);

        assertEquals(1, log.warn.size(), log.warn.toString());
        assertTrue(log.warn.get(0).startsWith("assistance.xlsx + warranty.xlsx: the new rulebook has no rules for "
                + "INSURANCE claims"), log.warn.get(0));
        assertTrue(log.warn.get(0).contains(" / ") && log.warn.get(0).contains("新规则集没有 INSURANCE（车损险理赔）的规则"),
                log.warn.get(0));
        assertTrue(log.info.isEmpty(), "nothing swapped, no reload: " + log.info);
        assertSame(running, adjudicator.rulebook(), "the running rulebook stays");
        assertTrue(adjudicator.previous().isEmpty());
        assertEquals(List.of(running.fingerprint()), served);
        // what the snippet guards against: the README's earlier unconditional rollback() threw here
        assertThrows(IllegalStateException.class, adjudicator::rollback);
    }

    @Test
    void afterASwapThatWentThroughTheSnippetRollsItBack() throws IOException {
        Path rules = rulesFolder();
        Adjudicator adjudicator = Adjudicator.of(Rulebook.load(rules));
        Rulebook running = adjudicator.rulebook();
        // T-01 at 120 months: passes every shipped scenario, so the swap goes through
        Files.write(rules.resolve("warranty.xlsx"), HotSwapTest.withWarranty(wb -> HotSwapTest.term(wb, "T-01", 120))
                .get("warranty.xlsx"));

        snippet(rules, adjudicator);

        assertEquals(List.of(), log.warn);
        assertEquals(1, log.info.size(), log.info.toString());
        assertTrue(log.info.get(0).startsWith("rulebook Rulebook[") && log.info.get(0).endsWith(" replaces " + running),
                log.info.get(0));
        assertSame(running, adjudicator.rulebook(), "rolled back to the rulebook the swap replaced");
        assertTrue(!adjudicator.previous().orElseThrow().fingerprint().equals(running.fingerprint()));
        assertEquals(List.of(running.fingerprint()), served);
    }
}
