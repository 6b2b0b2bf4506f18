package io.autoclaims.rules.internal.compile;

import io.autoclaims.rules.internal.condition.Range;
import io.autoclaims.rules.internal.run.SlotFacts;
import io.autoclaims.rules.internal.table.FactDef;
import io.autoclaims.rules.internal.table.RowModel.Condition;
import io.autoclaims.rules.internal.table.Scope;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.kie.api.KieBase;
import org.kie.api.definition.type.FactType;

/**
 * Finds the rows of one {@link RowShape} a claim or line can match, without looking at the others.
 * Drools evaluates every constraint of the shape's rule on the rows found, so the index may return
 * more rows than match, never fewer. Three forms, chosen when the rulebook is compiled:
 * <ul>
 *   <li><b>hash</b> on the shape's equality columns (one value, one of a set, a point): the rows
 *       whose values equal the fact's, by one lookup; a row listing several values is filed under
 *       each;</li>
 *   <li><b>intervals</b> on one range column when the shape has no equality column: its bounds cut
 *       the number line into segments, each holding the rows whose range covers it; a binary search
 *       finds the fact's segment;</li>
 *   <li><b>all rows</b>, for shapes with neither (or too few rows to gain anything).</li>
 * </ul>
 * Rows are kept top to bottom in every list. Immutable; shared by all threads.
 */
public final class RowIndex {
    /** Past this many combinations of listed values a row is not spread over the hash. */
    private static final int MAX_KEYS_PER_ROW = 256;
    /** Interval segments may hold at most this many row entries per row before the index gives up. */
    private static final int MAX_SEGMENT_ENTRIES_PER_ROW = 64;
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private final List<Object> all;
    /** Hash form: the key facts, and the rows by key (the value itself for one column, else a list). */
    private final FactDef[] keyFacts;
    private final Map<Object, List<Object>> byKey;
    /** Interval form. */
    private final FactDef rangeFact;
    private final BigDecimal[] bounds;
    private final List<Object>[] segments;

    private RowIndex(List<Object> all, FactDef[] keyFacts, Map<Object, List<Object>> byKey, FactDef rangeFact,
            BigDecimal[] bounds, List<Object>[] segments) {
        this.all = all;
        this.keyFacts = keyFacts;
        this.byKey = byKey;
        this.rangeFact = rangeFact;
        this.bounds = bounds;
        this.segments = segments;
    }

    /**
     * The row facts of every shape, made from the types the compiled DRL declares, and their indexes,
     * by shape id.
     */
    static RowIndex[] forShapes(List<RowShape> shapes, KieBase kieBase) {
        RowIndex[] indexes = new RowIndex[shapes.size()];
        for (RowShape shape : shapes) {
            FactType type = kieBase.getFactType(DrlWriter.PACKAGE, shape.typeName());
            List<Object> facts = new ArrayList<>(shape.rows().size());
            for (CompiledRulebook.RowRef ref : shape.rows()) {
                facts.add(rowFact(type, shape, ref));
            }
            indexes[shape.id()] = build(shape, facts);
        }
        return indexes;
    }

    private static Object rowFact(FactType type, RowShape shape, CompiledRulebook.RowRef ref) {
        Object fact;
        try {
            fact = type.newInstance();
        } catch (InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException("cannot make a row fact of " + shape.typeName(), e);
        }
        type.set(fact, "index", ref.index());
        List<Condition> conditions = ref.row().conditions();
        for (int j = 0; j < shape.columns().size(); j++) {
            conditions.get(j).predicate().values(shape.columns().get(j).fact(), j)
                    .forEach((field, value) -> type.set(fact, field, value));
        }
        return fact;
    }

    /** Which form the index took, for tests and diagnostics. */
    String form() {
        return keyFacts != null ? "hash" : rangeFact != null ? "intervals" : "all";
    }

    /**
     * The index of a shape; {@code facts.get(i)} is the row fact made for {@code shape.rows().get(i)}.
     */
    static RowIndex build(RowShape shape, List<Object> facts) {
        List<Object> all = List.copyOf(facts);
        List<Integer> keyColumns = new ArrayList<>();
        for (int j = 0; j < shape.columns().size(); j++) {
            if (isKey(shape, j)) {
                keyColumns.add(j);
            }
        }
        if (!keyColumns.isEmpty()) {
            Map<Object, List<Object>> byKey = hash(shape, facts, keyColumns);
            if (byKey == null) {
                keyColumns.removeIf(j -> shape.columns().get(j).first().listsValues());
                byKey = keyColumns.isEmpty() ? null : hash(shape, facts, keyColumns);
            }
            if (byKey != null) {
                FactDef[] keyFacts = keyColumns.stream().map(j -> shape.columns().get(j).fact()).toArray(FactDef[]::new);
                return new RowIndex(all, keyFacts, byKey, null, null, null);
            }
        }
        if (facts.size() > 1) {
            for (int j = 0; j < shape.columns().size(); j++) {
                if (shape.columns().get(j).first().bounds() != null) {
                    RowIndex intervals = intervals(shape, facts, j, all);
                    if (intervals != null) {
                        return intervals;
                    }
                }
            }
        }
        return new RowIndex(all, null, null, null, null, null);
    }

    /** A column the hash can key on: sets and single values in every row of the shape. */
    private static boolean isKey(RowShape shape, int column) {
        return shape.rows().stream().allMatch(r -> r.row().conditions().get(column).predicate().keys() != null);
    }

    /** The rows that may match the claim or line: a superset of those that do, top to bottom. */
    public List<Object> candidates(SlotFacts facts) {
        if (keyFacts != null) {
            Object key;
            if (keyFacts.length == 1) {
                key = keyOf(read(keyFacts[0], facts));
            } else {
                Object[] parts = new Object[keyFacts.length];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = keyOf(read(keyFacts[i], facts));
                    if (parts[i] == null) {
                        return List.of();
                    }
                }
                key = Arrays.asList(parts);
            }
            // a blank fact equals no value
            List<Object> rows = key == null ? null : byKey.get(key);
            return rows == null ? List.of() : rows;
        }
        if (rangeFact != null) {
            BigDecimal v = Range.number(read(rangeFact, facts));
            if (v == null) {
                return List.of();
            }
            int i = Arrays.binarySearch(bounds, v);
            return segments[i >= 0 ? 2 * i + 1 : 2 * (-i - 1)];
        }
        return all;
    }

    private static Object read(FactDef fact, SlotFacts facts) {
        return fact.read(fact.scope() == Scope.CLAIM ? facts.claimFacts() : facts);
    }

    /** Numbers and dates hash as their decimal value whatever their scale or type; others as they are. */
    private static Object keyOf(Object value) {
        BigDecimal n = Range.number(value);
        return n != null ? n.stripTrailingZeros() : value;
    }

    private static Map<Object, List<Object>> hash(RowShape shape, List<Object> facts, List<Integer> keyColumns) {
        Map<Object, List<Object>> byKey = new HashMap<>();
        for (int r = 0; r < facts.size(); r++) {
            List<Condition> conditions = shape.rows().get(r).row().conditions();
            List<List<Object>> keys = new ArrayList<>();
            keys.add(new ArrayList<>());
            for (int j : keyColumns) {
                List<Object> values = conditions.get(j).predicate().keys();
                List<List<Object>> next = new ArrayList<>(keys.size() * values.size());
                for (List<Object> k : keys) {
                    for (Object v : values) {
                        List<Object> longer = new ArrayList<>(k);
                        longer.add(v);
                        next.add(longer);
                    }
                }
                if (next.size() > MAX_KEYS_PER_ROW) {
                    return null;
                }
                keys = next;
            }
            for (List<Object> k : keys) {
                Object key = k.size() == 1 ? k.get(0) : k;
                List<Object> rows = byKey.computeIfAbsent(key, x -> new ArrayList<>(1));
                // a row listing the same value twice is filed once
                if (rows.isEmpty() || rows.get(rows.size() - 1) != facts.get(r)) {
                    rows.add(facts.get(r));
                }
            }
        }
        byKey.replaceAll((k, v) -> List.copyOf(v));
        return byKey;
    }

    @SuppressWarnings("unchecked")
    private static RowIndex intervals(RowShape shape, List<Object> facts, int column, List<Object> all) {
        TreeSet<BigDecimal> cuts = new TreeSet<>();
        for (CompiledRulebook.RowRef ref : shape.rows()) {
            cuts.addAll(ref.row().conditions().get(column).predicate().bounds());
        }
        BigDecimal[] bounds = cuts.toArray(BigDecimal[]::new);
        // segment 2i+1 is the point bounds[i]; segment 2i the open interval below it (2k: above the last)
        List<Object>[] segments = new List[2 * bounds.length + 1];
        long entries = 0;
        for (int s = 0; s < segments.length; s++) {
            BigDecimal probe = probe(bounds, s);
            List<Object> rows = new ArrayList<>();
            for (int r = 0; r < facts.size(); r++) {
                if (shape.rows().get(r).row().conditions().get(column).predicate().test(probe)) {
                    rows.add(facts.get(r));
                }
            }
            entries += rows.size();
            if (entries > (long) MAX_SEGMENT_ENTRIES_PER_ROW * facts.size()) {
                return null;
            }
            segments[s] = List.copyOf(rows);
        }
        return new RowIndex(all, null, null, shape.columns().get(column).fact(), bounds, segments);
    }

    /** A value inside segment {@code s}: no bound lies strictly inside a segment, so one value speaks for all. */
    private static BigDecimal probe(BigDecimal[] bounds, int s) {
        if (s % 2 == 1) {
            return bounds[s / 2];
        }
        int above = s / 2;
        if (above == 0) {
            return bounds[0].subtract(BigDecimal.ONE);
        }
        if (above == bounds.length) {
            return bounds[bounds.length - 1].add(BigDecimal.ONE);
        }
        return bounds[above - 1].add(bounds[above]).divide(TWO);
    }
}
