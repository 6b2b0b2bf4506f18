package io.autoclaims.spark;

import io.autoclaims.batch.ImpactAccumulator;
import io.autoclaims.batch.ImpactEdits;
import io.autoclaims.batch.ImpactReport;
import io.autoclaims.batch.ImpactRow;
import io.autoclaims.batch.ImpactStatus;
import io.autoclaims.batch.ImpactSummary;
import io.autoclaims.rules.LineBatch;
import io.autoclaims.model.ClaimType;
import io.autoclaims.model.RulebookInfo;
import io.autoclaims.model.Remedy;
import io.autoclaims.model.json.ClaimCodec;
import io.autoclaims.model.json.ReadResult;
import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.Rulebook;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * What a rulebook change does to a backlog, computed on Spark: both rulebooks adjudicate every line
 * in one pass over the Dataset; each partition keeps its totals in an {@link ImpactAccumulator}, and
 * these are merged (in a tree, on the executors) into the same {@link ImpactSummary} as {@code claims impact}
 * ({@link io.autoclaims.batch.ImpactRun}) computes for the same lines.
 *
 * <pre>{@code
 * try (SparkImpact impact = ClaimsSpark.impact(lines, oldRulebook, newRulebook)) {
 *     ImpactSummary s = impact.summary();          // runs the pass (once; the result is cached)
 *     impact.changed().write().parquet(".../changed");
 *     impact.writeReport(Path.of("impact/"));      // impact.csv, impact.html, impact.json
 * }
 * }</pre>
 *
 * The pass runs once: its output (the changed rows and one accumulator per partition) is persisted
 * (memory, then disk) until {@link #close}.
 */
public final class SparkImpact implements AutoCloseable {

    private static final StructType RULE = new StructType(new StructField[] {
        ClaimsSpark.field("ruleId", DataTypes.StringType, false),
        ClaimsSpark.field("table", DataTypes.StringType, true),
        ClaimsSpark.field("row", DataTypes.IntegerType, false),
        ClaimsSpark.field("lineId", DataTypes.StringType, true)});

    /**
     * Columns of {@link #changed}: one row per changed line, the fields of {@link ImpactRow} (money as
     * decimal(18,2), {@code deltaCny} = new - old; rule rows as structs of ruleId, table, row, lineId).
     */
    public static final StructType CHANGED = new StructType(new StructField[] {
        ClaimsSpark.field("line", DataTypes.LongType, false),
        ClaimsSpark.field("claimId", DataTypes.StringType, true),
        ClaimsSpark.field("type", DataTypes.StringType, true),
        ClaimsSpark.field("oldStatus", DataTypes.StringType, false),
        ClaimsSpark.field("newStatus", DataTypes.StringType, false),
        ClaimsSpark.field("oldRemedy", DataTypes.StringType, true),
        ClaimsSpark.field("newRemedy", DataTypes.StringType, true),
        ClaimsSpark.field("oldError", DataTypes.StringType, true),
        ClaimsSpark.field("newError", DataTypes.StringType, true),
        ClaimsSpark.field("oldPayableCny", ClaimsSpark.MONEY, false),
        ClaimsSpark.field("newPayableCny", ClaimsSpark.MONEY, false),
        ClaimsSpark.field("deltaCny", ClaimsSpark.MONEY, false),
        ClaimsSpark.field("changed", DataTypes.createArrayType(DataTypes.StringType, false), false),
        ClaimsSpark.field("reasonsAppeared", DataTypes.createArrayType(DataTypes.StringType, false), false),
        ClaimsSpark.field("reasonsDisappeared", DataTypes.createArrayType(DataTypes.StringType, false), false),
        ClaimsSpark.field("rulesAppeared", DataTypes.createArrayType(RULE, false), false),
        ClaimsSpark.field("rulesDisappeared", DataTypes.createArrayType(RULE, false), false)});

    /** {@link #CHANGED} plus the serialized accumulator, set only on each partition's last row. */
    private static final StructType PASS = CHANGED.add(ClaimsSpark.field("accumulator", DataTypes.BinaryType, true));
    private static final String ACCUMULATOR = "accumulator";

    private final Dataset<Row> pass;
    private final RulebookInfo oldInfo;
    private final RulebookInfo newInfo;
    private final int top;
    private final ImpactEdits edits;
    private ImpactSummary summary;

    private SparkImpact(Dataset<Row> pass, RulebookInfo oldInfo, RulebookInfo newInfo, int top, ImpactEdits edits) {
        this.pass = pass;
        this.oldInfo = oldInfo;
        this.newInfo = newInfo;
        this.top = top;
        this.edits = edits;
    }

    /** {@code oldSource}/{@code newSource}: where each side came from, as {@code claims impact} labels them. */
    static SparkImpact start(Dataset<Row> lines, Rulebook older, Rulebook newer, int top, String oldSource,
                             String newSource, int maxLineBytes) {
        // the report opens with the cells that differ, as claims impact's does
        return start(lines, ShippedRulebook.of(older), ShippedRulebook.of(newer), older.info(), newer.info(), top,
                ImpactEdits.between(older, newer, oldSource, newSource), maxLineBytes);
    }

    static SparkImpact start(Dataset<Row> lines, ShippedRulebook older, ShippedRulebook newer, RulebookInfo oldInfo,
                             RulebookInfo newInfo, int top, ImpactEdits edits, int maxLineBytes) {
        if (top < 0) {
            throw new IllegalArgumentException("top must be 0 or more, got " + top);
        }
        ClaimsSpark.checkMaxLineBytes(maxLineBytes);
        Broadcast<ShippedRulebook> o = ClaimsSpark.broadcast(lines.sparkSession(), older);
        Broadcast<ShippedRulebook> n = ClaimsSpark.broadcast(lines.sparkSession(), newer);
        Dataset<Row> pass = ClaimsSpark.numbered(lines).mapPartitions(new Compare(o, n, top, maxLineBytes),
                Encoders.row(PASS))
                .persist(StorageLevel.MEMORY_AND_DISK());
        return new SparkImpact(pass, oldInfo, newInfo, top, edits);
    }

    /**
     * The totals: transition matrix, money by type and in total, changes by rule row, the largest
     * changes. Runs the pass the first time.
     *
     * @return the totals, with the workbook edits behind them
     */
    public synchronized ImpactSummary summary() {
        if (summary == null) {
            // merged in a tree on the executors: the driver receives one accumulator, not one per partition
            JavaRDD<byte[]> parts = pass.filter(functions.col(ACCUMULATOR).isNotNull()).select(ACCUMULATOR)
                    .javaRDD().map(r -> (byte[]) r.get(0));
            byte[] total = parts.treeAggregate(serialize(ImpactAccumulator.create(top)), SparkImpact::merge,
                    SparkImpact::merge, 2);
            summary = deserialize(total).summary(oldInfo, newInfo).withEdits(edits);
        }
        return summary;
    }

    /**
     * The changed lines.
     *
     * @return one row per changed line ({@link #CHANGED}), in no particular order: {@code orderBy("line")}
     *     for input order
     */
    public Dataset<Row> changed() {
        return pass.filter(functions.col(ACCUMULATOR).isNull()).drop(ACCUMULATOR);
    }

    /**
     * Writes {@code impact.csv} (the changed lines in input order, streamed to the driver one partition
     * at a time), {@code impact.html} and {@code impact.json} into {@code dir}: the same bytes as
     * {@code claims impact} writes for the same lines. Meant for a sample or a backlog whose changed
     * lines fit in a file an analyst opens; at scale, write {@link #changed} to a table instead.
     *
     * @param dir the report directory, created if missing; earlier report files are replaced
     * @return the totals written
     * @throws IOException when a file cannot be written
     */
    public ImpactSummary writeReport(Path dir) throws IOException {
        ImpactSummary s = summary();
        Iterator<Row> rows = changed().orderBy("line").toLocalIterator();
        Stream<ImpactRow> stream = StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows,
                Spliterator.ORDERED), false).map(SparkImpact::impactRow);
        ImpactReport.write(dir, s, stream);
        return s;
    }

    /** Drops the persisted pass. */
    @Override
    public void close() {
        pass.unpersist();
    }

    /** One pass over a partition: both rulebooks, {@value ClaimsSpark#BATCH} lines at a time. */
    private static final class Compare implements MapPartitionsFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<ShippedRulebook> older;
        private final Broadcast<ShippedRulebook> newer;
        private final int top;
        private final int maxLineBytes;

        Compare(Broadcast<ShippedRulebook> older, Broadcast<ShippedRulebook> newer, int top, int maxLineBytes) {
            this.older = older;
            this.newer = newer;
            this.top = top;
            this.maxLineBytes = maxLineBytes;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            Adjudicator o = ExecutorRulebooks.adjudicator(older.value());
            Adjudicator n = ExecutorRulebooks.adjudicator(newer.value());
            ImpactAccumulator acc = ImpactAccumulator.create(top);
            ClaimCodec codec = ClaimsSpark.codec(maxLineBytes);
            return new Batches<Row, Row>(rows, ClaimsSpark.BATCH, batch -> {
                List<ReadResult> reads = ClaimsSpark.read(codec, batch);
                List<Row> out = new ArrayList<>();
                acc.addAll(LineBatch.adjudicate(o, reads), LineBatch.adjudicate(n, reads), r -> out.add(row(r, null)));
                return out;
            }, () -> List.of(accumulatorRow(serialize(acc))));
        }
    }

    static Row row(ImpactRow r, byte[] accumulator) {
        return RowFactory.create(r.line(), r.claimId(), name(r.type()), r.oldStatus().name(), r.newStatus().name(),
                name(r.oldRemedy()), name(r.newRemedy()), r.oldError(), r.newError(), r.oldPayable(), r.newPayable(),
                r.delta(), r.changed().toArray(new String[0]), r.reasonsAppeared().toArray(new String[0]),
                r.reasonsDisappeared().toArray(new String[0]), rules(r.rulesAppeared()), rules(r.rulesDisappeared()),
                accumulator);
    }

    private static Row accumulatorRow(byte[] accumulator) {
        // not a changed line: the non-null columns get placeholders, the row is filtered out of changed()
        String[] none = new String[0];
        return RowFactory.create(0L, null, null, "", "", null, null, null, null, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, none, none, none, new Row[0], new Row[0], accumulator);
    }

    private static Row[] rules(List<ImpactRow.Rule> rules) {
        Row[] out = new Row[rules.size()];
        for (int i = 0; i < out.length; i++) {
            ImpactRow.Rule r = rules.get(i);
            out[i] = RowFactory.create(r.ruleId(), r.table(), r.row(), r.lineId());
        }
        return out;
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    /**
     * A row of {@link #changed} back as the {@link ImpactRow} it was made from.
     *
     * @param r a row of the {@link #CHANGED} schema
     * @return the impact row
     */
    public static ImpactRow impactRow(Row r) {
        return new ImpactRow(r.getLong(r.fieldIndex("line")), r.getAs("claimId"),
                r.isNullAt(r.fieldIndex("type")) ? null : ClaimType.valueOf(r.getAs("type")),
                ImpactStatus.valueOf(r.getAs("oldStatus")), ImpactStatus.valueOf(r.getAs("newStatus")),
                remedy(r.getAs("oldRemedy")), remedy(r.getAs("newRemedy")), r.getAs("oldError"), r.getAs("newError"),
                r.getAs("oldPayableCny"), r.getAs("newPayableCny"), r.getList(r.fieldIndex("changed")),
                r.getList(r.fieldIndex("reasonsAppeared")), r.getList(r.fieldIndex("reasonsDisappeared")),
                ruleList(r.getList(r.fieldIndex("rulesAppeared"))), ruleList(r.getList(r.fieldIndex("rulesDisappeared"))));
    }

    private static Remedy remedy(String name) {
        return name == null ? null : Remedy.valueOf(name);
    }

    private static List<ImpactRow.Rule> ruleList(List<Row> rows) {
        List<ImpactRow.Rule> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(new ImpactRow.Rule(r.getString(0), r.getString(1), r.getInt(2), r.getString(3)));
        }
        return out;
    }

    private static byte[] merge(byte[] a, byte[] b) {
        return serialize(deserialize(a).merge(deserialize(b)));
    }

    static byte[] serialize(ImpactAccumulator acc) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(acc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static ImpactAccumulator deserialize(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        try (ObjectInputStream in = new LibraryObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (ImpactAccumulator) in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("cannot read a partition's impact totals: " + e.getMessage(), e);
        }
    }

    /** Resolves classes with this library's class loader (the application jar's under spark-submit). */
    private static final class LibraryObjectInputStream extends ObjectInputStream {
        LibraryObjectInputStream(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, SparkImpact.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }
}
