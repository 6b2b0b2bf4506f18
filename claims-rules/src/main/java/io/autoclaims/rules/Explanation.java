package io.autoclaims.rules;

import io.autoclaims.model.Verdict;
import java.util.List;

/**
 * A verdict together with every rule row that fired for it, in firing order, including rows that
 * report no reason (a warranty term looked up, the regime chosen) and rows whose outputs a closed
 * gate withdrew; and, table by table, what matched and the nearest rows that did not.
 */
public record Explanation(Verdict verdict, List<RuleRef> fired, List<TableTrace> tables) {
    public Explanation {
        fired = List.copyOf(fired);
        tables = List.copyOf(tables);
    }
}
