package org.casie.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.casie.tag.io.ArticleReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;

/**
 * The {@code spark-tag} job. Articles are split by a hash of their id into chunks of about {@code chunkSize}
 * articles; each chunk is tagged by one Spark job (spread over every executor core) and written as one partition
 * of each output: {@code OUTPUT/events/chunk=N/} (one row per article: id, title, date, its events),
 * {@code OUTPUT/incidents/chunk=N/} (one row per article: id, title, date, its incident records) and
 * {@code OUTPUT/errors/chunk=N/} (article id, source, reason). A chunk is finished when all three have Spark's
 * {@code _SUCCESS} marker; {@code --skip-existing} leaves finished chunks alone. Reading {@code OUTPUT/events} back
 * with Spark gives one table with a {@code chunk} column.
 */
public final class SparkTagJob {

    /** Input layouts: a directory (or glob) of article files, or JSON Lines / Parquet with {@code id} and {@code text}. */
    public enum InputFormat { AUTO, FILES, JSONL, PARQUET }

    /** What the job is asked to do. {@code master} null: the one {@code spark-submit} set, else {@code local[*]}. */
    public record Options(String input, String output, String master, String model, String format,
                          InputFormat inputFormat, boolean skipExisting, int chunkSize, String cacheDir) {
        public Options {
            format = format.toLowerCase(Locale.ROOT);
            if (!format.equals("parquet") && !format.equals("jsonl")) {
                throw new IllegalArgumentException("--format must be parquet or jsonl, not " + format);
            }
            if (chunkSize < 1) {
                throw new IllegalArgumentException("--chunk-size must be at least 1");
            }
        }
    }

    /** What a run did. */
    public record Summary(int chunks, int chunksSkipped, long articles, long errors, double seconds) {
    }

    static final String CHUNKS_FILE = "_chunks";

    private SparkTagJob() {
    }

    /** Starts (or joins) a Spark session, runs the job and stops the session it started. */
    public static Summary run(Options options) {
        SparkSession.Builder builder = SparkSession.builder().appName("casie spark-tag");
        String master = options.master() != null ? options.master()
                : new SparkConf().contains("spark.master") ? null : "local[*]";
        if (master != null) {
            builder.master(master);
        }
        if (master != null && master.startsWith("local")) {
            builder.config("spark.ui.enabled", "false");
        }
        SparkSession spark = builder.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        try {
            return run(spark, options);
        } finally {
            spark.stop();
        }
    }

    public static Summary run(SparkSession spark, Options options) {
        long start = System.nanoTime();
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        Path out = new Path(options.output());
        Dataset<Row> articles = read(spark, options.input(), options.inputFormat());
        try {
            FileSystem fs = out.getFileSystem(hadoop);
            if (!options.skipExisting()) {
                for (String part : List.of("events", "incidents", "errors", CHUNKS_FILE)) {
                    fs.delete(new Path(out, part), true);
                }
            }
            int chunks = chunks(fs, new Path(out, CHUNKS_FILE), () -> articles.count(), options.chunkSize());
            Dataset<Row> keyed = articles.withColumn("chunk", pmod(hash(col("id")), lit(chunks)));
            int partitions = Math.max(1, spark.sparkContext().defaultParallelism() * 4);
            int skipped = 0;
            long total = 0, errors = 0;
            for (int c = 0; c < chunks; c++) {
                Path events = new Path(out, "events/chunk=" + c), incidents = new Path(out, "incidents/chunk=" + c),
                        failed = new Path(out, "errors/chunk=" + c);
                if (options.skipExisting() && fs.exists(new Path(events, "_SUCCESS"))
                        && fs.exists(new Path(incidents, "_SUCCESS")) && fs.exists(new Path(failed, "_SUCCESS"))) {
                    skipped++;
                    continue;
                }
                spark.sparkContext().setJobDescription("casie spark-tag: chunk " + (c + 1) + " of " + chunks);
                Dataset<Row> tagged = keyed.filter(col("chunk").equalTo(c)).drop("chunk").repartition(partitions)
                        .mapPartitions(new ArticleTagger(options.model(), options.cacheDir()), Encoders.row(ArticleTagger.RESULT))
                        .persist(StorageLevel.MEMORY_AND_DISK());
                try {
                    // Tags the chunk on every core and caches it; the writes then read the cache.
                    Row counts = tagged.agg(count(lit(1)), count(col("error"))).first();
                    total += counts.getLong(0);
                    errors += counts.getLong(1);
                    write(tagged.filter(col("error").isNull()).select("article_id", "title", "date", "events"),
                            options.format(), events);
                    write(tagged.filter(col("error").isNull()).select("article_id", "title", "date", "incidents"),
                            options.format(), incidents);
                    write(tagged.filter(col("error").isNotNull()).select(col("article_id"), col("source"),
                            col("error").as("reason")), options.format(), failed);
                } finally {
                    tagged.unpersist();
                }
            }
            return new Summary(chunks, skipped, total, errors, (System.nanoTime() - start) / 1e9);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    private static void write(Dataset<Row> rows, String format, Path dir) {
        rows.coalesce(1).write().mode(SaveMode.Overwrite).format(format.equals("jsonl") ? "json" : "parquet")
                .save(dir.toString());
    }

    /** The chunk count of this output: recorded by the first run, so reruns split articles the same way. */
    private static int chunks(FileSystem fs, Path file, java.util.function.LongSupplier count, int chunkSize)
            throws IOException {
        if (fs.exists(file)) {
            try (var in = fs.open(file)) {
                return Integer.parseInt(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + ": not a chunk count; delete the output or run without "
                        + "--skip-existing");
            }
        }
        int chunks = (int) Math.max(1, (count.getAsLong() + chunkSize - 1) / chunkSize);
        try (var o = fs.create(file, true)) {
            o.write((chunks + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return chunks;
    }

    /** The input as {@link ArticleTagger#INPUT} rows. */
    static Dataset<Row> read(SparkSession spark, String input, InputFormat format) {
        InputFormat f = format != InputFormat.AUTO ? format : detect(input, spark.sparkContext().hadoopConfiguration());
        if (f == InputFormat.FILES) {
            List<Row> rows = new ArrayList<>();
            try {
                Path root = new Path(input);
                FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
                RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, true);
                while (files.hasNext()) {
                    Path p = files.next().getPath();
                    if (!p.getName().startsWith(".") && !p.getName().startsWith("_")) {
                        rows.add(RowFactory.create(ArticleReader.idOf(p.getName()), p.toString(), null, null, null));
                    }
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot list " + input + ": " + e.getMessage(), e);
            }
            if (rows.isEmpty()) {
                throw new IllegalArgumentException(input + ": no article files");
            }
            return spark.createDataFrame(rows, ArticleTagger.INPUT);
        }
        Dataset<Row> table = f == InputFormat.PARQUET ? spark.read().parquet(input) : spark.read().json(input);
        List<String> columns = Arrays.asList(table.columns());
        for (String required : List.of("id", "text")) {
            if (!columns.contains(required)) {
                throw new IllegalArgumentException(input + ": no '" + required + "' column (found " + columns + ")");
            }
        }
        return table.select(col("id").cast(DataTypes.StringType).as("id"), lit(null).cast(DataTypes.StringType).as("source"),
                col("text").cast(DataTypes.StringType).as("text"), optional(columns, "title"), optional(columns, "date"));
    }

    private static Column optional(List<String> columns, String name) {
        return (columns.contains(name) ? col(name) : lit(null)).cast(DataTypes.StringType).as(name);
    }

    private static InputFormat detect(String input, Configuration hadoop) {
        String lower = input.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".parquet")) {
            return InputFormat.PARQUET;
        }
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".json")) {
            return InputFormat.JSONL;
        }
        try {
            Path root = new Path(input);
            FileSystem fs = root.getFileSystem(hadoop);
            if (fs.getFileStatus(root).isDirectory()) {
                RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, true);
                while (files.hasNext()) {
                    String name = files.next().getPath().getName();
                    if (name.endsWith(".parquet")) {
                        return InputFormat.PARQUET;
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + input + ": " + e.getMessage(), e);
        }
        return InputFormat.FILES;
    }
}
