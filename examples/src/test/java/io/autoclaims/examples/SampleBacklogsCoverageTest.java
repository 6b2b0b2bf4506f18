package io.autoclaims.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.rules.RuleRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The three sample backlogs together fire every rule row of the default rulebook (warranty, insurance
 * and assistance workbooks): a row no sample claim reaches is a row nobody has seen work.
 */
class SampleBacklogsCoverageTest {

    static final List<String> BACKLOGS = List.of("warranty.jsonl", "insurance.jsonl", "assistance.jsonl");

    @Test
    void theUnionOfRowsFiredByTheThreeBacklogsIsEveryRowOfTheDefaultRulebook() {
        Set<String> all = Backlogs.ruleIds(id -> true);
        Map<String, Set<String>> firedBy = new LinkedHashMap<>();
        Set<String> fired = new TreeSet<>();
        for (String file : BACKLOGS) {
            Set<String> rows = Backlogs.load(file).firedRuleIds();
            firedBy.put(file, rows);
            fired.addAll(rows);
        }
        Set<String> missing = Backlogs.minus(all, fired);
        Set<String> unknown = Backlogs.minus(fired, all);
        if (!missing.isEmpty()) {
            System.out.println("Rule rows no sample claim fires: " + missing);
        }
        assertTrue(missing.isEmpty(), () -> "rule rows no sample claim fires: " + missing + "; fired per backlog: "
                + firedBy);
        assertTrue(unknown.isEmpty(), () -> "fired rows that rules() does not list: " + unknown);
        assertEquals(all, fired);
    }

    @Test
    void ruleIdsAreUniqueInTheDefaultRulebook() {
        List<String> ids = Backlogs.rulebook().rules().stream().map(RuleRef::ruleId).toList();
        assertEquals(ids.size(), new TreeSet<>(ids).size(), () -> "rule ids: " + ids);
    }
}
