package io.autoclaims.rules.internal.run;

import io.autoclaims.model.Claim;
import io.autoclaims.model.ClaimLine;
import io.autoclaims.model.ClaimType;
import io.autoclaims.model.DocumentCode;
import io.autoclaims.model.Fact;
import io.autoclaims.model.Payer;
import io.autoclaims.model.Reason;
import io.autoclaims.rules.RuleRef;
import io.autoclaims.rules.internal.compile.CompiledRulebook;
import io.autoclaims.rules.internal.table.ColumnModel;
import io.autoclaims.rules.internal.table.Effect;
import io.autoclaims.rules.internal.table.FactDef;
import io.autoclaims.rules.internal.table.HitPolicy;
import io.autoclaims.rules.internal.table.RowModel.Condition;
import io.autoclaims.rules.internal.table.RowModel.Output;
import io.autoclaims.rules.internal.table.RowModel;
import io.autoclaims.rules.internal.table.Scope;
import io.autoclaims.rules.internal.table.TableModel;
import io.autoclaims.rules.internal.table.Template;
import io.autoclaims.rules.internal.table.ValueType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.runtime.rule.FactHandle;

/** One claim going through the stages: its facts, and every row that fired for it. */
final class ClaimRun {
    /** A fired row that reports a reason. {@code line} is -1 for claim rows. */
    record Fired(int stage, int line, int row, Reason reason, Effect effect, FactDef gate,
            Set<DocumentCode> missing) {
        static final Comparator<Fired> ORDER = Comparator.comparingInt(Fired::stage)
                .thenComparingInt(Fired::line).thenComparingInt(Fired::row);
    }

    private final CompiledRulebook rulebook;
    private final Claim claim;
    private final ClaimFacts facts;
    private final List<Fired> fired = new ArrayList<>();
    /** Fired rows as (stage, line index or -1, RuleRef), in firing order. */
    private final List<Traced> trace = new ArrayList<>();
    /** Drools' handles of the facts, null until the fact's first stage. */
    private FactHandle claimHandle;
    private final FactHandle[] lineHandles;
    private boolean denied;
    private boolean finished;
    /** Set for explanations: the values each table saw, taken as the claim entered its stage. */
    private List<Snapshot> snapshots;

    /** The condition facts' values one table saw for the claim or one of its lines. */
    record Snapshot(int stage, TableModel table, LineFacts line, Map<FactDef, Object> values) {
    }

    ClaimRun(CompiledRulebook rulebook, Claim claim) {
        this.rulebook = rulebook;
        this.claim = claim;
        this.facts = new ClaimFacts(this, claim);
        List<ClaimLine> lines = claim.lines();
        for (int i = 0; i < lines.size(); i++) {
            facts.addLine(new LineFacts(facts, lines.get(i), i));
        }
        if (claim.type() == ClaimType.ASSISTANCE) {
            facts.setVehicleLine(new LineFacts(facts, null, -1));
        }
        this.lineHandles = new FactHandle[stageLines().size()];
    }

    /** The line facts LINE tables see: the claim's lines, or the one vehicle line of an assistance claim. */
    List<LineFacts> stageLines() {
        return facts.vehicleLine() != null ? List.of(facts.vehicleLine()) : facts.lines();
    }

    /**
     * Whether the claim runs that table: a table of its type, until the claim is finished; after a
     * denial only tables that can deny run, so that every ground is listed (reading 1).
     */
    boolean runs(int stage) {
        CompiledRulebook.StageFlags f = rulebook.flags(stage);
        return !finished && f.serves()[claim.type().ordinal()] && (!denied || f.canDeny());
    }

    Claim claim() {
        return claim;
    }

    CompiledRulebook rulebook() {
        return rulebook;
    }

    ClaimFacts facts() {
        return facts;
    }

    boolean denied() {
        return denied;
    }

    boolean finished() {
        return finished;
    }

    List<Fired> fired() {
        return fired;
    }

    void startTracing() {
        snapshots = new ArrayList<>();
    }

    boolean tracing() {
        return snapshots != null;
    }

    List<Snapshot> snapshots() {
        return snapshots;
    }

    /** Records what the table's conditions read, as the claim or line enters the table's stage. */
    void snapshot(int stage, TableModel table, LineFacts line) {
        Map<FactDef, Object> values = new LinkedHashMap<>();
        for (ColumnModel c : table.columns()) {
            if (c.role() == ColumnModel.Role.IF) {
                values.put(c.fact(), read(c.fact(), line, null));
            }
        }
        snapshots.add(new Snapshot(stage, table, line, values));
    }

    private record Traced(int stage, int line, RuleRef rule) {
    }

    /**
     * Every row that fired, reason or not: by stage, then the claim before its lines in line order,
     * then top to bottom within a table; the same whatever form the rules were compiled to.
     */
    List<RuleRef> trace() {
        return trace.stream().sorted(Comparator.comparingInt(Traced::stage).thenComparingInt(Traced::line))
                .map(Traced::rule).toList();
    }

    FactHandle claimHandle() {
        return claimHandle;
    }

    void claimHandle(FactHandle handle) {
        claimHandle = handle;
    }

    /** The handle of {@code stageLines().get(i)}. */
    FactHandle lineHandle(int i) {
        return lineHandles[i];
    }

    void lineHandle(int i, FactHandle handle) {
        lineHandles[i] = handle;
    }

    /** Rows that matched in the current stage, as (row index, place in stageLines() or -1), applied after the round. */
    private int[] pending = new int[8];
    private int pendingCount;

    /**
     * A generated rule matched {@code rowIndex} for the claim ({@code line} null) or one of its lines.
     * Only noted here: the rows are applied in row order once the stage's round is over.
     */
    void fire(ClaimFacts claimFacts, LineFacts line, int rowIndex) {
        if (pendingCount + 2 > pending.length) {
            pending = java.util.Arrays.copyOf(pending, pending.length * 2);
        }
        pending[pendingCount++] = rowIndex;
        // a line by its place in stageLines(): the vehicle line of an assistance claim has index -1
        pending[pendingCount++] = line == null ? -1 : Math.max(line.index(), 0);
    }

    /**
     * Applies the rows that matched in this stage, after its round: top to bottom, and for one row the
     * lines in order. The order Drools fired them in no longer matters, so no rule needs a salience
     * (an MVEL expression per activation for the shape rules).
     */
    void applyStage() {
        int n = pendingCount / 2;
        // insertion sort by (row, line): a stage matches a handful of rows per claim
        for (int i = 1; i < n; i++) {
            int row = pending[2 * i];
            int line = pending[2 * i + 1];
            int j = i - 1;
            while (j >= 0 && (pending[2 * j] > row || (pending[2 * j] == row && pending[2 * j + 1] > line))) {
                pending[2 * j + 2] = pending[2 * j];
                pending[2 * j + 3] = pending[2 * j + 1];
                j--;
            }
            pending[2 * j + 2] = row;
            pending[2 * j + 3] = line;
        }
        pendingCount = 0;
        List<LineFacts> lines = stageLines();
        for (int i = 0; i < n; i++) {
            int line = pending[2 * i + 1];
            apply(facts, line < 0 ? null : lines.get(line), pending[2 * i]);
        }
    }

    private void apply(ClaimFacts claimFacts, LineFacts line, int rowIndex) {
        CompiledRulebook.RowRef ref = rulebook.row(rowIndex);
        SlotFacts decided = line == null ? claimFacts : line;
        if (decided.getHit() != -1 && ref.table().hit() != HitPolicy.COLLECT) {
            // a row above decided this FIRST or UNIQUE table for the fact: the rows below it matched
            // too (every match is made as the fact enters the stage) and do nothing
            return;
        }
        decided.setHit(rowIndex);
        RowModel row = ref.row();
        if (snapshots != null) {
            // only an explanation lists every fired row; a verdict keeps the rows that report a reason
            trace.add(new Traced(ref.stage(), line == null ? -1 : line.index(), new RuleRef(row.ruleId(),
                    ref.table().displayName(), row.row(), line == null ? null : line.getLineId())));
        }
        FactDef gate = ref.table().gate();
        if (gate != null) {
            claimFacts.countGatedHit();
        }
        Set<DocumentCode> missing = null;
        Formula formula = null;
        Map<FactDef, Object> charge = null;
        for (Output o : row.outputs()) {
            if (o.fact() == FactCatalog.COMPUTE) {
                formula = (Formula) o.value();
            } else if (o.fact().combine() == Combine.ROW) {
                if (charge == null) {
                    charge = new HashMap<>();
                }
                charge.put(o.fact(), o.value());
            } else {
                SlotFacts target = o.fact().scope() == Scope.LINE ? line : claimFacts;
                target.set(o.fact(), o.value(), gate);
                if (o.fact() == FactCatalog.DOCUMENTS) {
                    missing = missing(o.value());
                }
            }
        }
        if (formula != null) {
            formula.apply(claimFacts);
        }
        if (charge != null && charge.containsKey(FactCatalog.CHARGE_ITEM)) {
            claimFacts.addCharge(chargeSpec(charge, row.ruleId()));
        }
        if (row.code() == null || (missing != null && missing.isEmpty())) {
            return;
        }
        Reason reason = reason(ref, line, missing);
        fired.add(new Fired(ref.stage(), line == null ? -1 : line.index(), row.row(), reason, row.effect(), gate,
                missing));
    }

    private static ChargeSpec chargeSpec(Map<FactDef, Object> c, String ruleId) {
        ChargeBasis basis = (ChargeBasis) c.getOrDefault(FactCatalog.CHARGE_BASIS, ChargeBasis.TARIFF);
        return new ChargeSpec((String) c.get(FactCatalog.CHARGE_ITEM), basis,
                (BigDecimal) c.get(FactCatalog.CHARGE_MEMBER_FIXED), (BigDecimal) c.get(FactCatalog.CHARGE_MEMBER_FREE_KM),
                (BigDecimal) c.get(FactCatalog.CHARGE_MEMBER_PER_KM), (BigDecimal) c.get(FactCatalog.CHARGE_NON_MEMBER_FIXED),
                (BigDecimal) c.get(FactCatalog.CHARGE_NON_MEMBER_FREE_KM),
                (BigDecimal) c.get(FactCatalog.CHARGE_NON_MEMBER_PER_KM), (Payer) c.get(FactCatalog.CHARGE_PAYER), ruleId);
    }

    @SuppressWarnings("unchecked")
    private Set<DocumentCode> missing(Object required) {
        Set<DocumentCode> missing = EnumSet.noneOf(DocumentCode.class);
        missing.addAll((Collection<DocumentCode>) required);
        missing.removeAll(claim.documents());
        return missing;
    }

    /**
     * The reason of a fired row, as the row and the values of the facts it names read now: its texts
     * and facts are written only when asked for (most verdicts are counted or stored, not read).
     */
    private Reason reason(CompiledRulebook.RowRef ref, LineFacts line, Set<DocumentCode> missing) {
        RowModel row = ref.row();
        FactDef[] named = rulebook.reasonFacts(ref.index());
        Object[] values = new Object[named.length];
        for (int i = 0; i < named.length; i++) {
            values[i] = read(named[i], line, missing);
        }
        return Reason.of(row.code(), row.ruleId(), ref.table().displayName(), row.row(),
                line == null ? null : line.getLineId(), new Seen(row, named, values));
    }

    /** What a reason keeps of its row: the row and the values its facts had when it fired (never changed after). */
    private record Seen(RowModel row, FactDef[] named, Object[] values) implements Reason.Details {
        @Override
        public String text() {
            return row.zh().format(this::quoted, row);
        }

        @Override
        public String textEn() {
            return row.en().format(this::quoted, row);
        }

        @Override
        public List<Fact> facts() {
            List<Fact> facts = new ArrayList<>(named.length);
            for (int i = 0; i < named.length; i++) {
                facts.add(new Fact(named[i].name(), jsonValue(quoted(named[i], values[i]))));
            }
            return facts;
        }

        private Object quoted(FactDef fact) {
            for (int i = 0; i < named.length; i++) {
                if (named[i].name().equals(fact.name())) {
                    return quoted(named[i], values[i]);
                }
            }
            throw new IllegalStateException("a reason text names " + fact.name() + ", which its row does not list");
        }

        /** A fact's value as a reason shows it: the claim's free text shortened, so no claim makes a huge verdict. */
        private static Object quoted(FactDef fact, Object value) {
            return fact.type().kind() == ValueType.Kind.TEXT && value instanceof String s ? Quote.shorten(s) : value;
        }
    }

    private Object read(FactDef fact, LineFacts line, Set<DocumentCode> missing) {
        if (fact == FactCatalog.DOCUMENTS_MISSING) {
            return missing;
        }
        return fact.read(fact.scope() == Scope.LINE ? line : facts);
    }

    /** A fact value as it goes into the verdict's JSON: names for enums, ISO text for dates. */
    static Object jsonValue(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Collection<?> c) {
            List<String> names = new ArrayList<>();
            for (Object o : c) {
                names.add(o instanceof Enum<?> e ? e.name() : String.valueOf(o));
            }
            return names;
        }
        if (value instanceof LocalDate d) {
            return d.toString();
        }
        if (value instanceof BigDecimal || value instanceof Number || value instanceof Boolean
                || value instanceof String || value == null) {
            return value;
        }
        return value.toString();
    }

    /** After a stage ran: note a denial; a coverage stage that left no line covered ends the claim. */
    void afterStage(int stage) {
        for (Fired f : fired) {
            if (f.stage() == stage && f.effect() == Effect.DENY) {
                denied = true;
                return;
            }
        }
        if (rulebook.flags(stage).decidesCoverage() && !facts.lines().isEmpty() && facts.getCoveredCount() == 0) {
            finished = true;
        }
    }
}
