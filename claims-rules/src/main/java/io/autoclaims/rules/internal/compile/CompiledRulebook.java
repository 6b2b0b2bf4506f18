package io.autoclaims.rules.internal.compile;

import io.autoclaims.model.ClaimType;
import io.autoclaims.model.RulebookInfo;
import io.autoclaims.rules.WorkbookIssue;
import io.autoclaims.rules.internal.run.FactCatalog;
import io.autoclaims.rules.internal.table.ColumnModel;
import io.autoclaims.rules.internal.table.FactDef;
import io.autoclaims.rules.internal.table.RowModel;
import io.autoclaims.rules.internal.table.TableModel;
import io.autoclaims.rules.internal.table.Template;
import io.autoclaims.rules.internal.table.WorkbookModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.kie.api.KieBase;

/**
 * A rulebook ready to run: its tables in execution order (stages), every rule row by the index the
 * generated rules pass to {@code fire}, the Drools knowledge base, and the rulebook's identity.
 * Immutable and shared by all threads.
 */
public final class CompiledRulebook {
    /** One row of one table, with its stage and global index. */
    public record RowRef(int index, int stage, TableModel table, RowModel row) {
    }

    /** What the engine asks of a stage for every claim, worked out once. */
    public record StageFlags(boolean[] serves, boolean canDeny, boolean decidesCoverage) {
        static StageFlags of(TableModel table) {
            boolean[] serves = new boolean[ClaimType.values().length];
            for (ClaimType t : table.claimTypes()) {
                serves[t.ordinal()] = true;
            }
            boolean decidesCoverage = table.columns().stream()
                    .anyMatch(c -> c.role() == ColumnModel.Role.THEN && c.fact() == FactCatalog.LINE_COVERED);
            return new StageFlags(serves, table.canDeny(), decidesCoverage);
        }
    }

    private final List<TableModel> stages;
    private final StageFlags[] flags;
    private final List<RowRef> rows;
    private final Set<ClaimType> claimTypes;
    private final RulebookInfo info;
    private final List<WorkbookModel> workbooks;
    private final List<WorkbookIssue> warnings;
    private final Network network;
    /** The row indexes of the shape rules, by shape id. */
    private final RowIndex[] indexes;
    /** By row index: the facts a reason of the row names (see {@link #reasonFacts}). */
    private final FactDef[][] reasonFacts;

    private CompiledRulebook(List<TableModel> stages, List<RowRef> rows, RulebookInfo info,
            List<WorkbookModel> workbooks, List<WorkbookIssue> warnings, Network network,
            RowIndex[] indexes) {
        this.stages = List.copyOf(stages);
        this.flags = stages.stream().map(StageFlags::of).toArray(StageFlags[]::new);
        this.rows = List.copyOf(rows);
        this.info = info;
        this.workbooks = List.copyOf(workbooks);
        this.warnings = List.copyOf(warnings);
        this.network = network;
        this.indexes = indexes.clone();
        this.reasonFacts = this.rows.stream().map(r -> namedFacts(r.row())).toArray(FactDef[][]::new);
        // a claim type is supported when some table of it reports reasons: a shared lookup (the
        // warranty terms serve assistance too) is no policy for a type on its own
        Set<ClaimType> types = EnumSet.noneOf(ClaimType.class);
        stages.stream().filter(t -> t.rows().stream().anyMatch(r -> r.code() != null))
                .forEach(t -> types.addAll(t.claimTypes()));
        this.claimTypes = types;
    }

    /** Orders tables by step (one order for all claim types), and numbers stages and rows. */
    static List<RowRef> number(List<TableModel> tables, List<TableModel> stagesOut) {
        List<TableModel> ordered = new ArrayList<>(tables);
        ordered.sort(Comparator.comparingInt(TableModel::step).thenComparing(TableModel::key));
        stagesOut.addAll(ordered);
        List<RowRef> rows = new ArrayList<>();
        for (int s = 0; s < ordered.size(); s++) {
            for (RowModel r : ordered.get(s).rows()) {
                rows.add(new RowRef(rows.size(), s, ordered.get(s), r));
            }
        }
        return rows;
    }

    static CompiledRulebook of(List<TableModel> stages, List<RowRef> rows, RulebookInfo info,
            List<WorkbookModel> workbooks, List<WorkbookIssue> warnings, Network network,
            RowIndex[] indexes) {
        return new CompiledRulebook(stages, rows, info, workbooks, warnings, network, indexes);
    }

    /**
     * The facts a reason of that row names, each once: the row's conditions, then the facts of its
     * Chinese and English texts, in order. Worked out once, not per fired row.
     */
    public FactDef[] reasonFacts(int row) {
        return reasonFacts[row];
    }

    private static FactDef[] namedFacts(RowModel row) {
        java.util.Map<String, FactDef> named = new java.util.LinkedHashMap<>();
        for (RowModel.Condition c : row.conditions()) {
            named.putIfAbsent(c.fact().name(), c.fact());
        }
        for (Template t : row.code() == null ? List.<Template>of() : List.of(row.zh(), row.en())) {
            for (FactDef f : t.facts()) {
                named.putIfAbsent(f.name(), f);
            }
        }
        return named.values().toArray(FactDef[]::new);
    }

    public RowIndex index(int shape) {
        return indexes[shape];
    }

    public List<TableModel> stages() {
        return stages;
    }

    public StageFlags flags(int stage) {
        return flags[stage];
    }

    public RowRef row(int index) {
        return rows.get(index);
    }

    public List<RowRef> rows() {
        return rows;
    }

    public boolean supports(ClaimType type) {
        return claimTypes.contains(type);
    }

    public RulebookInfo info() {
        return info;
    }

    public List<WorkbookModel> workbooks() {
        return workbooks;
    }

    public List<WorkbookIssue> warnings() {
        return warnings;
    }

    public String drl() {
        return network.drl();
    }

    public KieBase kieBase() {
        return network.kieBase();
    }

    /** The knowledge base and its idle sessions, shared with every rulebook of the same rules' text. */
    public Network network() {
        return network;
    }
}
