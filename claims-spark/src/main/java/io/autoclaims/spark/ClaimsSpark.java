package io.autoclaims.spark;

import io.autoclaims.rules.LineBatch;
import io.autoclaims.model.Verdict;
import io.autoclaims.model.json.ClaimCodec;
import io.autoclaims.model.json.ReadResult;
import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.AsOf;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.rules.RulebookHistory;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapred.FileInputFormat;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.TextInputFormat;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * Backlog re-evaluation on Apache Spark, with the same records as the local batch run
 * ({@code claims reevaluate}, {@link io.autoclaims.batch.BacklogRun}) for every input line.
 *
 * <pre>{@code
 * Dataset<Row> lines = ClaimsSpark.readJsonl(spark, "hdfs:///backlog/2025.jsonl");   // (line, text, bytes)
 * Dataset<String> records = ClaimsSpark.reevaluateLines(lines, rulebook);             // contract JSON
 * Dataset<Row> verdicts = ClaimsSpark.verdicts(lines, rulebook);                      // typed, for SQL
 * }</pre>
 *
 * <p><b>Line numbers.</b> An error record names its input line, so the lines must carry their numbers
 * into the cluster: {@link #readJsonl} reads a JSON Lines file split on {@code \n} only (as the local
 * run does; Spark's default text reader also splits on a lone {@code \r}) and numbers the lines from 1
 * in file order. After that the rows may be repartitioned or shuffled at will: every record depends on
 * its line alone. A table that already has a line number and the raw text goes in as
 * {@code select(line, text)}; one with the line's bytes as {@code select(line, bytes)}.
 *
 * <p><b>Bytes, not text.</b> {@link #readJsonl} keeps each line's bytes as they are in the file
 * ({@link #FILE_LINES}: column {@code bytes}), and the lines are read from them as the local run reads
 * them: a byte that is not UTF-8, a NUL, a control byte, an encoded surrogate, a UTF-16 file or a byte
 * order mark after line 1 give the same error record, and a line longer than the longest line read
 * ({@code maxLineBytes}, default {@value ClaimCodec#DEFAULT_MAX_LINE_BYTES} bytes, as
 * {@code --max-line-bytes}) the same {@code LINE_TOO_LONG} record (Hadoop holds such a line whole; it is
 * not read). Whenever the rows have a {@code bytes} column, it is what is read and {@code text} is not
 * looked at; without one, {@code text} is read as its UTF-8 bytes ({@link #numberLines}: text the caller
 * decoded, where a byte that was not UTF-8 may already have become U+FFFD).
 *
 * <p><b>The rulebook</b> travels as the bytes of its workbooks in a broadcast variable
 * ({@link ShippedRulebook}) and is compiled once per executor JVM ({@link ExecutorRulebooks}), not per
 * partition or claim; every executor checks that its compiled copy has the driver's fingerprint and
 * fails the task before adjudicating anything when it has not ({@link RulebookMismatchException}).
 * Each partition is adjudicated {@value #BATCH} lines at a time through the line pipeline of the local
 * run ({@link LineBatch}).
 */
public final class ClaimsSpark {
    /** Lines adjudicated together (one Drools session round), as in the local batch run. */
    static final int BATCH = 1000;

    /** Columns of numbered input lines: {@code line} (1-based, long) and {@code text} (the raw line, without {@code \n}). */
    public static final StructType LINES = new StructType(new StructField[] {
        field("line", DataTypes.LongType, false),
        field("text", DataTypes.StringType, true)});

    /**
     * Columns of {@link #readJsonl}: {@link #LINES} and {@code bytes}, the line as it is in the file
     * (without {@code \n}), which is what is read. {@code text} is those bytes decoded as UTF-8 for
     * looking at (a byte that is not UTF-8 shown as U+FFFD), computed only where selected.
     */
    public static final StructType FILE_LINES = LINES.add(field("bytes", DataTypes.BinaryType, false));

    /** Money columns: exact, two decimals. */
    public static final DataType MONEY = DataTypes.createDecimalType(18, 2);

    /**
     * Columns of {@link #verdicts}: one row per input line; the verdict columns are null on an error
     * record and the error columns null on a verdict; {@code record} is the line's record in the
     * contract's JSON.
     */
    public static final StructType VERDICTS = new StructType(new StructField[] {
        field("line", DataTypes.LongType, false),
        field("claimId", DataTypes.StringType, true),
        field("type", DataTypes.StringType, true),
        field("decision", DataTypes.StringType, true),
        field("remedy", DataTypes.StringType, true),
        field("payableCny", MONEY, true),
        field("reasonCodes", DataTypes.createArrayType(DataTypes.StringType, false), true),
        field("errorCode", DataTypes.StringType, true),
        field("errorField", DataTypes.StringType, true),
        field("record", DataTypes.StringType, false)});

    private static final ClaimCodec CODEC = ClaimCodec.create();

    private static final String TEXT = "text";
    private static final String BYTES = "bytes";

    private ClaimsSpark() {
    }

    /**
     * A JSON Lines file (or a compressed one; or a directory of files, numbered in the order Hadoop
     * lists them) as numbered lines with their bytes ({@link #FILE_LINES}), split on {@code \n} only, in
     * at least {@code minPartitions} partitions (the file's splits; no shuffle). Numbering takes one extra
     * pass over the file: the lines of each split are counted first (as Spark's {@code zipWithIndex} does).
     *
     * @param spark         the session
     * @param path          a file, a compressed file or a directory, as Hadoop names it ({@code hdfs:///...})
     * @param minPartitions at least this many partitions, 1 or more
     * @return the numbered lines ({@link #FILE_LINES})
     * @throws IllegalArgumentException when {@code minPartitions} is less than 1
     */
    public static Dataset<Row> readJsonl(SparkSession spark, String path, int minPartitions) {
        Objects.requireNonNull(path, "path");
        if (minPartitions < 1) {
            throw new IllegalArgumentException("minPartitions must be 1 or more, got " + minPartitions);
        }
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        JobConf conf = new JobConf(sc.hadoopConfiguration());
        conf.set("textinputformat.record.delimiter", "\n");
        FileInputFormat.setInputPaths(conf, path);
        JavaPairRDD<LongWritable, Text> raw = sc.hadoopRDD(conf, TextInputFormat.class, LongWritable.class, Text.class,
                minPartitions);
        // zipWithIndex, without decoding the text in the counting pass
        List<Long> counts = raw.mapPartitions(ClaimsSpark::count).collect();
        long[] firstLine = new long[counts.size()];
        for (int i = 1; i < firstLine.length; i++) {
            firstLine[i] = firstLine[i - 1] + counts.get(i - 1);
        }
        JavaRDD<Row> rows = raw.mapPartitionsWithIndex((partition, it) -> numbered(it, firstLine[partition] + 1), true);
        Dataset<Row> lines = spark.createDataFrame(rows, LINES_READ);
        // text only for looking at: a UDF, not decode(), which may fail on bytes that are not UTF-8
        Column text = functions.udf((UDF1<byte[], String>) ClaimsSpark::decode, DataTypes.StringType)
                .apply(functions.col(BYTES));
        return lines.select(functions.col("line"), text.as(TEXT), functions.col(BYTES));
    }

    private static final StructType LINES_READ = new StructType(new StructField[] {
        field("line", DataTypes.LongType, false),
        field(BYTES, DataTypes.BinaryType, false)});

    private static String decode(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static Iterator<Long> count(Iterator<?> it) {
        long n = 0;
        for (; it.hasNext(); it.next()) {
            n++;
        }
        return List.of(n).iterator();
    }

    private static Iterator<Row> numbered(Iterator<Tuple2<LongWritable, Text>> it, long first) {
        return new Iterator<>() {
            long next = first;

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Row next() {
                Text t = it.next()._2(); // reused by Hadoop: copy its bytes now
                return RowFactory.create(next++, Arrays.copyOf(t.getBytes(), t.getLength()));
            }
        };
    }

    /**
     * {@link #readJsonl(SparkSession, String, int)} with Spark's default minimum of partitions.
     *
     * @param spark the session
     * @param path  a file, a compressed file or a directory
     * @return the numbered lines ({@link #FILE_LINES})
     */
    public static Dataset<Row> readJsonl(SparkSession spark, String path) {
        return readJsonl(spark, path, spark.sparkContext().defaultMinPartitions());
    }

    /**
     * Numbers the lines of a text Dataset from 1 in its order (partition by partition), as
     * {@link #LINES}, read from the text's UTF-8 bytes. For a file, prefer {@link #readJsonl}, which reads
     * the bytes: {@code spark.read().textFile} decodes them (a byte that is not UTF-8 becomes U+FFFD, read
     * then as that character, not as the local run's {@code INVALID_ENCODING}) and also splits lines on a
     * lone {@code \r} unless given {@code option("lineSep", "\n")}.
     *
     * @param lines the text lines, without their line ends
     * @return the numbered lines ({@link #LINES})
     */
    public static Dataset<Row> numberLines(Dataset<String> lines) {
        return number(lines.sparkSession(), lines.javaRDD());
    }

    private static Dataset<Row> number(SparkSession spark, JavaRDD<String> text) {
        JavaRDD<Row> rows = text.zipWithIndex().map(t -> RowFactory.create(t._2() + 1, t._1()));
        return spark.createDataFrame(rows, LINES);
    }

    /**
     * The records of the local batch run for a JSON Lines Dataset whose lines are numbered by their
     * position ({@link #numberLines}): one verdict or error record per line, in the contract's JSON.
     *
     * @param claimsJsonl the lines of a JSON Lines backlog
     * @param rulebook    the rulebook, shipped to the executors as its workbooks' bytes
     * @return one record per line; lazy, as every Dataset: nothing is adjudicated before an action
     */
    public static Dataset<String> reevaluate(Dataset<String> claimsJsonl, Rulebook rulebook) {
        return reevaluateLines(numberLines(claimsJsonl), rulebook);
    }

    /**
     * The records for numbered lines ({@link #LINES}: columns {@code line} and {@code text}; or
     * {@link #FILE_LINES}, read from {@code bytes}): for each line, byte for byte the record the local
     * batch run writes for that line of the same file. The Dataset keeps the lines' partitioning and,
     * within a partition, their order.
     *
     * @param lines    the numbered lines
     * @param rulebook the rulebook, shipped to the executors as its workbooks' bytes
     * @return one record per line; lazy: nothing is adjudicated before an action
     */
    public static Dataset<String> reevaluateLines(Dataset<Row> lines, Rulebook rulebook) {
        return reevaluateLines(lines, rulebook, ClaimCodec.DEFAULT_MAX_LINE_BYTES);
    }

    /**
     * {@link #reevaluateLines(Dataset, Rulebook)} reading lines of at most {@code maxLineBytes} bytes
     * (as {@code claims reevaluate --max-line-bytes}); a longer line gets a {@code LINE_TOO_LONG} record.
     *
     * @param lines        the numbered lines
     * @param rulebook     the rulebook
     * @param maxLineBytes the longest line read, in bytes, 1 or more
     * @return one record per line; lazy: nothing is adjudicated before an action
     * @throws IllegalArgumentException when {@code maxLineBytes} is less than 1
     */
    public static Dataset<String> reevaluateLines(Dataset<Row> lines, Rulebook rulebook, int maxLineBytes) {
        return reevaluateLines(lines, ShippedRulebook.of(rulebook), maxLineBytes);
    }

    static Dataset<String> reevaluateLines(Dataset<Row> lines, ShippedRulebook shipped, int maxLineBytes) {
        checkMaxLineBytes(maxLineBytes);
        // the records alone: no typed columns to build and drop again
        Broadcast<ShippedRulebook> rulebook = broadcast(lines.sparkSession(), shipped);
        return numbered(lines).mapPartitions(new Records(rulebook, maxLineBytes), Encoders.STRING());
    }

    /**
     * The records of {@code claims adjudicate --history} for a JSON Lines Dataset whose lines are numbered
     * by their position ({@link #numberLines}).
     *
     * @param claimsJsonl the lines of a JSON Lines backlog
     * @param history     the versions, shipped to the executors as their workbooks' bytes
     * @param asOf        which date of a claim chooses its version
     * @return one record per line; lazy: nothing is adjudicated before an action
     */
    public static Dataset<String> reevaluate(Dataset<String> claimsJsonl, RulebookHistory history, AsOf asOf) {
        return reevaluateLines(numberLines(claimsJsonl), history, asOf);
    }

    /**
     * The records for numbered lines with a rulebook history: each claim adjudicated with the version in
     * force on its as-of date, byte for byte the record {@code claims adjudicate --history} writes for
     * that line of the same file (the verdict's {@code rulebook} names the version, its
     * {@code inForceFrom} and the claim's {@code asOf}; a claim dated before the first version gets the
     * error record {@code NO_RULEBOOK_IN_FORCE}). Every version travels as its workbooks' bytes and is
     * compiled once per executor JVM.
     *
     * @param lines   the numbered lines ({@link #LINES} or {@link #FILE_LINES})
     * @param history the versions
     * @param asOf    which date of a claim chooses its version
     * @return one record per line; lazy: nothing is adjudicated before an action
     */
    public static Dataset<String> reevaluateLines(Dataset<Row> lines, RulebookHistory history, AsOf asOf) {
        return reevaluateLines(lines, history, asOf, ClaimCodec.DEFAULT_MAX_LINE_BYTES);
    }

    /**
     * {@link #reevaluateLines(Dataset, RulebookHistory, AsOf)} reading lines of at most
     * {@code maxLineBytes} bytes; a longer line gets a {@code LINE_TOO_LONG} record.
     *
     * @param lines        the numbered lines
     * @param history      the versions
     * @param asOf         which date of a claim chooses its version
     * @param maxLineBytes the longest line read, in bytes, 1 or more
     * @return one record per line; lazy: nothing is adjudicated before an action
     * @throws IllegalArgumentException when {@code maxLineBytes} is less than 1
     */
    public static Dataset<String> reevaluateLines(Dataset<Row> lines, RulebookHistory history, AsOf asOf,
                                                  int maxLineBytes) {
        checkMaxLineBytes(maxLineBytes);
        Broadcast<ShippedHistory> shipped = broadcast(lines.sparkSession(), ShippedHistory.of(history, asOf));
        return numbered(lines).mapPartitions(new Records(shipped, maxLineBytes), Encoders.STRING());
    }

    /**
     * The records alone.
     *
     * @param verdicts rows of {@link #VERDICTS}
     * @return their {@code record} column: the contract's JSON
     */
    public static Dataset<String> records(Dataset<Row> verdicts) {
        return verdicts.select("record").as(Encoders.STRING());
    }

    /**
     * The typed view of the records ({@link #VERDICTS}: line, claimId, type, decision, remedy,
     * payableCny as decimal(18,2), reasonCodes, errorCode, errorField, record), for SQL users.
     *
     * @param lines    the numbered lines
     * @param rulebook the rulebook, shipped to the executors as its workbooks' bytes
     * @return one row per line ({@link #VERDICTS}); lazy: nothing is adjudicated before an action
     */
    public static Dataset<Row> verdicts(Dataset<Row> lines, Rulebook rulebook) {
        return verdicts(lines, rulebook, ClaimCodec.DEFAULT_MAX_LINE_BYTES);
    }

    /**
     * {@link #verdicts(Dataset, Rulebook)} reading lines of at most {@code maxLineBytes} bytes.
     *
     * @param lines        the numbered lines
     * @param rulebook     the rulebook
     * @param maxLineBytes the longest line read, in bytes, 1 or more
     * @return one row per line ({@link #VERDICTS}); lazy
     * @throws IllegalArgumentException when {@code maxLineBytes} is less than 1
     */
    public static Dataset<Row> verdicts(Dataset<Row> lines, Rulebook rulebook, int maxLineBytes) {
        return verdicts(lines, ShippedRulebook.of(rulebook), maxLineBytes);
    }

    static Dataset<Row> verdicts(Dataset<Row> lines, ShippedRulebook shipped, int maxLineBytes) {
        checkMaxLineBytes(maxLineBytes);
        Broadcast<ShippedRulebook> rulebook = broadcast(lines.sparkSession(), shipped);
        return numbered(lines).mapPartitions(new Adjudicate(rulebook, maxLineBytes), Encoders.row(VERDICTS));
    }

    /**
     * The typed view ({@link #VERDICTS}) of {@link #reevaluateLines(Dataset, RulebookHistory, AsOf)}.
     *
     * @param lines   the numbered lines
     * @param history the versions
     * @param asOf    which date of a claim chooses its version
     * @return one row per line; lazy
     */
    public static Dataset<Row> verdicts(Dataset<Row> lines, RulebookHistory history, AsOf asOf) {
        return verdicts(lines, history, asOf, ClaimCodec.DEFAULT_MAX_LINE_BYTES);
    }

    /**
     * {@link #verdicts(Dataset, RulebookHistory, AsOf)} reading lines of at most {@code maxLineBytes} bytes.
     *
     * @param lines        the numbered lines
     * @param history      the versions
     * @param asOf         which date of a claim chooses its version
     * @param maxLineBytes the longest line read, in bytes, 1 or more
     * @return one row per line; lazy
     * @throws IllegalArgumentException when {@code maxLineBytes} is less than 1
     */
    public static Dataset<Row> verdicts(Dataset<Row> lines, RulebookHistory history, AsOf asOf, int maxLineBytes) {
        checkMaxLineBytes(maxLineBytes);
        Broadcast<ShippedHistory> shipped = broadcast(lines.sparkSession(), ShippedHistory.of(history, asOf));
        return numbered(lines).mapPartitions(new Adjudicate(shipped, maxLineBytes), Encoders.row(VERDICTS));
    }

    /**
     * Old against new rulebook over numbered lines in one pass ({@link SparkImpact}): the same numbers
     * as {@code claims impact}, the changed lines as a DataFrame, and the same report files. Keeps the
     * {@value io.autoclaims.batch.ImpactAccumulator#DEFAULT_TOP} largest changes.
     *
     * @param lines the numbered lines
     * @param older the rulebook in force
     * @param newer the changed rulebook
     * @return the comparison; its pass runs at the first {@link SparkImpact#summary()} or action, and stays
     *     persisted until {@link SparkImpact#close()}
     */
    public static SparkImpact impact(Dataset<Row> lines, Rulebook older, Rulebook newer) {
        return impact(lines, older, newer, io.autoclaims.batch.ImpactAccumulator.DEFAULT_TOP);
    }

    /**
     * {@link #impact(Dataset, Rulebook, Rulebook)} keeping the {@code top} largest changes.
     *
     * @param lines the numbered lines
     * @param older the rulebook in force
     * @param newer the changed rulebook
     * @param top   how many of the largest changes the report lists, 0 or more
     * @return the comparison, to be closed
     * @throws IllegalArgumentException when {@code top} is negative
     */
    public static SparkImpact impact(Dataset<Row> lines, Rulebook older, Rulebook newer, int top) {
        return impact(lines, older, newer, top, "", "");
    }

    /**
     * {@link #impact(Dataset, Rulebook, Rulebook, int)} with where each rulebook came from (paths as the
     * user gave them), which the report shows beside each side's version, as {@code claims impact} does.
     *
     * @param lines     the numbered lines
     * @param older     the rulebook in force
     * @param newer     the changed rulebook
     * @param top       how many of the largest changes the report lists, 0 or more
     * @param oldSource where the old rulebook came from, or ""
     * @param newSource where the new rulebook came from, or ""
     * @return the comparison, to be closed
     * @throws IllegalArgumentException when {@code top} is negative
     */
    public static SparkImpact impact(Dataset<Row> lines, Rulebook older, Rulebook newer, int top, String oldSource,
                                     String newSource) {
        return impact(lines, older, newer, top, oldSource, newSource, ClaimCodec.DEFAULT_MAX_LINE_BYTES);
    }

    /**
     * {@link #impact(Dataset, Rulebook, Rulebook, int, String, String)} reading lines of at most
     * {@code maxLineBytes} bytes (as {@code claims impact --max-line-bytes}).
     *
     * @param lines        the numbered lines
     * @param older        the rulebook in force
     * @param newer        the changed rulebook
     * @param top          how many of the largest changes the report lists, 0 or more
     * @param oldSource    where the old rulebook came from, or ""
     * @param newSource    where the new rulebook came from, or ""
     * @param maxLineBytes the longest line read, in bytes, 1 or more
     * @return the comparison, to be closed
     * @throws IllegalArgumentException when {@code top} is negative or {@code maxLineBytes} less than 1
     */
    public static SparkImpact impact(Dataset<Row> lines, Rulebook older, Rulebook newer, int top, String oldSource,
                                     String newSource, int maxLineBytes) {
        return SparkImpact.start(lines, older, newer, top, oldSource, newSource, maxLineBytes);
    }

    /**
     * The rows' {@code line} (as long) and what is read of each line: {@code bytes} (binary) when the
     * rows have that column, else {@code text}.
     */
    static Dataset<Row> numbered(Dataset<Row> lines) {
        Column line = functions.col("line").cast(DataTypes.LongType);
        // only the column read is selected: readJsonl's text is then never computed, nor shuffled
        if (has(lines, BYTES)) {
            return lines.select(line, functions.col(BYTES).cast(DataTypes.BinaryType));
        }
        if (has(lines, TEXT)) {
            return lines.select(line, functions.col(TEXT));
        }
        throw new IllegalArgumentException("the lines need a column line and a column text (string) or bytes"
                + " (binary), got " + lines.schema().simpleString());
    }

    private static boolean has(Dataset<Row> lines, String column) {
        boolean caseSensitive = Boolean.parseBoolean(lines.sparkSession().conf().get("spark.sql.caseSensitive",
                "false"));
        for (String c : lines.columns()) {
            if (caseSensitive ? c.equals(column) : c.equalsIgnoreCase(column)) {
                return true;
            }
        }
        return false;
    }

    static void checkMaxLineBytes(int maxLineBytes) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be 1 or more, got " + maxLineBytes);
        }
    }

    /** The codec reading lines of at most {@code maxLineBytes} bytes. */
    static ClaimCodec codec(int maxLineBytes) {
        return maxLineBytes == CODEC.maxLineBytes() ? CODEC : CODEC.withMaxLineBytes(maxLineBytes);
    }

    static <T extends Serializable> Broadcast<T> broadcast(SparkSession spark, T shipped) {
        return JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(shipped);
    }

    /**
     * Reads a partition's {@link #numbered} rows as the local run reads those lines: (line, bytes) from
     * the bytes, (line, text) from the text's UTF-8; a null is an empty line.
     */
    static List<ReadResult> read(ClaimCodec codec, List<Row> rows) {
        List<ReadResult> reads = new ArrayList<>(rows.size());
        for (Row r : rows) {
            if (r.isNullAt(0)) {
                throw new IllegalArgumentException("an input row has no line number: " + r);
            }
            long line = r.getLong(0);
            Object value = r.get(1);
            if (value instanceof byte[] bytes) {
                reads.add(codec.readLine(bytes, 0, bytes.length, line));
            } else {
                reads.add(codec.readLine(value == null ? "" : (String) value, line));
            }
        }
        return reads;
    }

    /**
     * Adjudicates a partition, {@value #BATCH} lines at a time, with the executor's compiled rulebook
     * (or history: a {@link ShippedRulebook} or a {@link ShippedHistory} was broadcast); each result
     * becomes one output element.
     */
    private abstract static class AdjudicatePartition<T> implements MapPartitionsFunction<Row, T> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<? extends Serializable> rulebook;
        private final int maxLineBytes;

        AdjudicatePartition(Broadcast<? extends Serializable> rulebook, int maxLineBytes) {
            this.rulebook = rulebook;
            this.maxLineBytes = maxLineBytes;
        }

        abstract T out(LineBatch.Result result);

        @Override
        public Iterator<T> call(Iterator<Row> rows) {
            Adjudicator adjudicator = ExecutorRulebooks.adjudicatorOf(rulebook.value()); // checked before any claim
            ClaimCodec codec = codec(maxLineBytes);
            return new Batches<Row, T>(rows, BATCH, batch -> {
                List<LineBatch.Result> results = LineBatch.adjudicate(adjudicator, read(codec, batch));
                List<T> out = new ArrayList<>(results.size());
                for (LineBatch.Result r : results) {
                    out.add(out(r));
                }
                return out;
            }, List::of);
        }
    }

    /** The typed verdict rows. */
    private static final class Adjudicate extends AdjudicatePartition<Row> {
        private static final long serialVersionUID = 1L;

        Adjudicate(Broadcast<? extends Serializable> rulebook, int maxLineBytes) {
            super(rulebook, maxLineBytes);
        }

        @Override
        Row out(LineBatch.Result result) {
            return row(result);
        }
    }

    /** As {@link Adjudicate}, the records only. */
    private static final class Records extends AdjudicatePartition<String> {
        private static final long serialVersionUID = 1L;

        Records(Broadcast<? extends Serializable> rulebook, int maxLineBytes) {
            super(rulebook, maxLineBytes);
        }

        @Override
        String out(LineBatch.Result result) {
            return result.record(CODEC);
        }
    }

    static Row row(LineBatch.Result r) {
        Verdict v = r.verdict();
        String type = r.type() == null ? null : r.type().name();
        String record = r.record(CODEC);
        if (v != null) {
            return RowFactory.create(r.line(), r.claimId(), type, v.decision().name(), v.remedy().name(),
                    v.payableCny(), v.reasonCodes().toArray(new String[0]), null, null, record);
        }
        return RowFactory.create(r.line(), r.claimId(), type, null, null, null, null, r.error().code(),
                r.error().field(), record);
    }

    static StructField field(String name, DataType type, boolean nullable) {
        return new StructField(name, type, nullable, Metadata.empty());
    }
}
