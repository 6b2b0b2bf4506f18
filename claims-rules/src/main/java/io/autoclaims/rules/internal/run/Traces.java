package io.autoclaims.rules.internal.run;

import io.autoclaims.rules.RuleRef;
import io.autoclaims.rules.TableTrace;
import io.autoclaims.rules.TableTrace.Failed;
import io.autoclaims.rules.TableTrace.Match;
import io.autoclaims.rules.TableTrace.NearMiss;
import io.autoclaims.rules.TableTrace.Value;
import io.autoclaims.rules.internal.table.RowModel.Condition;
import io.autoclaims.rules.internal.table.RowModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Turns what each table saw for a claim into "matched" and "nearest rows that did not, and why". */
final class Traces {
    private static final int NEAREST = 3;

    private Traces() {
    }

    static List<TableTrace> of(ClaimRun run) {
        List<TableTrace> traces = new ArrayList<>();
        for (ClaimRun.Snapshot s : run.snapshots()) {
            String lineId = s.line() == null ? null : s.line().getLineId();
            List<RuleRef> fired = run.trace().stream()
                    .filter(r -> r.table().equals(s.table().displayName()) && Objects.equals(r.lineId(), lineId))
                    .toList();
            List<Match> matched = new ArrayList<>();
            List<NearMiss> misses = new ArrayList<>();
            for (RowModel row : s.table().rows()) {
                if (fired.stream().anyMatch(f -> f.ruleId().equals(row.ruleId()))) {
                    matched.add(new Match(row.ruleId(), row.row(), row.conditions().stream()
                            .map(c -> new Value(c.fact().name(), ClaimRun.jsonValue(s.values().get(c.fact())))).toList()));
                    continue;
                }
                List<Failed> failed = new ArrayList<>();
                for (Condition c : row.conditions()) {
                    Object value = s.values().get(c.fact());
                    if (!c.predicate().test(value)) {
                        java.math.BigDecimal off = c.predicate().distance(value);
                        // the condition as the analyst wrote it in the cell
                        failed.add(new Failed(c.fact().name(), row.cells().get("IF " + c.fact().name()),
                                ClaimRun.jsonValue(value), off));
                    }
                }
                // a row with no failed condition matched too, but an earlier row of a FIRST table decided
                misses.add(new NearMiss(row.ruleId(), row.row(), failed));
            }
            // nearest first: fewest failed conditions, then a number just outside its range, then row order
            misses.sort(Comparator.comparingInt((NearMiss m) -> m.failed().size())
                    .thenComparing(m -> m.failed().stream().anyMatch(f -> f.shortBy() == null))
                    .thenComparing(m -> m.failed().stream().map(f -> f.shortBy() == null ? java.math.BigDecimal.ZERO
                            : f.shortBy()).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add))
                    .thenComparingInt(NearMiss::row));
            traces.add(new TableTrace(s.table().displayName(), lineId, matched,
                    misses.subList(0, Math.min(NEAREST, misses.size()))));
        }
        return traces;
    }
}
