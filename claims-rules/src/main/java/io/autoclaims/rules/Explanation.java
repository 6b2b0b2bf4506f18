package io.autoclaims.rules;

import io.autoclaims.model.Verdict;
import java.util.List;

/**
 * A verdict together with every rule row that fired for it, in firing order, including rows that
 * report no reason (a warranty term looked up, the regime chosen) and rows whose outputs a closed
 * gate withdrew; and, table by table, what matched and the nearest rows that did not.
 *
 * @param verdict the verdict
 * @param fired   every rule row that fired, in firing order
 * @param tables  what each consulted table matched and missed
 */
public record Explanation(Verdict verdict, List<RuleRef> fired, List<TableTrace> tables) {
    /**
     * An explanation; the lists are copied.
     *
     * @param verdict the verdict
     * @param fired   every rule row that fired, in firing order
     * @param tables  what each consulted table matched and missed
     * @throws NullPointerException when a list is null
     */
    public Explanation {
        fired = List.copyOf(fired);
        tables = List.copyOf(tables);
    }
}
