package org.casie.spark;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.casie.cli.Main;
import org.casie.corpus.AnnotationReader;
import org.casie.corpus.Document;
import org.casie.model.TinyBundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** spark-tag on an embedded local[2] session (one for the class): CoreNLP, DL4J and the model inside Spark tasks. */
class SparkTagJobTest {

    @TempDir
    static Path dir;
    static SparkSession spark;
    static Path model;
    static final Path ARTICLES = Path.of("src/test/resources/spark/articles");

    @BeforeAll
    static void start() throws IOException {
        model = TinyBundle.write(dir.resolve("tiny.zip"));
        spark = SparkSession.builder().master("local[2]").appName("casie test").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    private static SparkTagJob.Options options(String input, Path out, SparkTagJob.InputFormat format, boolean skip,
                                               int chunkSize) {
        return new SparkTagJob.Options(input, out.toString(), null, model.toString(), "parquet", format, skip, chunkSize, null);
    }

    /** An event as one comparable line: subtype, realis, trigger span, then each argument. */
    private static String describe(Row e) {
        StructType event = EventRows.EVENT, argument = EventRows.ARGUMENT;
        List<Row> arguments = e.getList(event.fieldIndex("arguments"));
        return e.get(event.fieldIndex("subtype")) + " " + e.get(event.fieldIndex("realis")) + " "
                + e.get(event.fieldIndex("trigger_begin")) + "-" + e.get(event.fieldIndex("trigger_end"))
                + arguments.stream().map(a -> " " + a.get(argument.fieldIndex("role")) + ":" + a.get(argument.fieldIndex("begin"))
                + "-" + a.get(argument.fieldIndex("end")) + ":" + a.get(argument.fieldIndex("entity_type"))).sorted()
                .collect(Collectors.joining());
    }

    private static Map<String, List<String>> events(Dataset<Row> rows) {
        Map<String, List<String>> out = new TreeMap<>();
        for (Row r : rows.collectAsList()) {
            List<Row> events = r.getList(r.fieldIndex("events"));
            out.put(r.getAs("article_id"), events.stream().map(SparkTagJobTest::describe).sorted().toList());
        }
        return out;
    }

    @Test
    void tagsArticleFilesToTheCliEventsAndListsTheCorruptOne() throws Exception {
        Path out = dir.resolve("out-files");
        SparkTagJob.Summary s = SparkTagJob.run(spark, options(ARTICLES.toString(), out, SparkTagJob.InputFormat.AUTO, false, 5000));
        assertEquals(5, s.articles());
        assertEquals(1, s.errors());

        Path cli = dir.resolve("cli");
        List<String> inputs = Stream.of("acme.txt", "hospital.txt", "router.txt", "vpn.txt")
                .map(f -> ARTICLES.resolve(f).toString()).toList();
        String[] args = Stream.concat(Stream.of("tag", "--model", model.toString(), "--out", cli.toString(), "--no-cache"),
                inputs.stream()).toArray(String[]::new);
        assertEquals(0, Main.run(args));
        Map<String, List<String>> expected = new TreeMap<>();
        for (String id : List.of("acme", "hospital", "router", "vpn")) {
            Document doc = new AnnotationReader().read(cli.resolve(id + ".json")).document().orElseThrow();
            expected.put(id, events(spark.createDataFrame(List.of(RowFactory.create(id, EventRows.of(doc))),
                    new StructType().add("article_id", DataTypes.StringType).add("events", EventRows.EVENTS))).get(id));
        }
        assertTrue(expected.values().stream().anyMatch(e -> !e.isEmpty()), "the fixture model should find events");
        assertEquals(expected, events(spark.read().parquet(out.resolve("events").toString())));
        // One incident record per predicted hopper, keyed by the same article ids.
        Map<String, Long> hoppers = new TreeMap<>(), incidents = new TreeMap<>();
        for (Row r : spark.read().parquet(out.resolve("events").toString()).collectAsList()) {
            List<Row> events = r.getList(r.fieldIndex("events"));
            hoppers.put(r.getAs("article_id"), events.stream().map(e -> e.getAs("hopper")).distinct().count());
        }
        for (Row r : spark.read().parquet(out.resolve("incidents").toString()).collectAsList()) {
            incidents.put(r.getAs("article_id"), (long) r.getList(r.fieldIndex("incidents")).size());
        }
        assertEquals(hoppers, incidents);

        List<Row> errors = spark.read().parquet(out.resolve("errors").toString()).collectAsList();
        assertEquals(1, errors.size());
        assertEquals("broken", errors.get(0).getAs("article_id"));
        String reason = errors.get(0).getAs("reason");
        assertTrue(reason.startsWith("broken.json"), reason);
    }

    /** An incident row as text, its entities as Java lists (Spark reads arrays back as Scala sequences). */
    private static String describeIncident(Row r) {
        List<Row> entities = r.getList(r.length() - 1); // entities come last (IncidentRows.INCIDENT)
        return java.util.stream.IntStream.range(0, r.length() - 1).mapToObj(i -> String.valueOf(r.get(i)))
                .collect(Collectors.joining("|")) + entities.stream().map(Row::toString).toList();
    }

    private static Set<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("part-")).map(p -> dir.relativize(p).toString())
                    .collect(Collectors.toSet());
        }
    }

    @Test
    void skipExistingRedoesOnlyUnfinishedChunks() throws Exception {
        Path jsonl = dir.resolve("articles.jsonl");
        StringBuilder lines = new StringBuilder();
        for (String id : List.of("acme", "hospital", "router", "vpn")) {
            String text = Files.readString(ARTICLES.resolve(id + ".txt")).replace("\n", "\\n");
            lines.append("{\"id\": \"").append(id).append("\", \"text\": \"").append(text).append("\", \"title\": \"T ")
                    .append(id).append("\"}\n");
        }
        lines.append("{\"id\": \"empty\", \"text\": \"   \"}\n");
        Files.writeString(jsonl, lines);
        Path out = dir.resolve("out-jsonl");

        SparkTagJob.Summary first = SparkTagJob.run(spark, options(jsonl.toString(), out, SparkTagJob.InputFormat.AUTO, false, 3));
        assertEquals(2, first.chunks());
        assertEquals(5, first.articles());
        assertEquals(1, first.errors());
        Set<String> before = files(out);
        // A run killed during chunk 1: its markers are missing.
        Files.delete(out.resolve("events/chunk=1/_SUCCESS"));

        SparkTagJob.Summary resumed = SparkTagJob.run(spark, options(jsonl.toString(), out, SparkTagJob.InputFormat.AUTO, true, 3));
        assertEquals(1, resumed.chunksSkipped());
        Set<String> after = files(out);
        for (String f : before) {
            assertEquals(!f.contains("chunk=1/"), after.contains(f), f); // finished chunks untouched, chunk 1 rewritten
        }
        assertEquals(4, spark.read().parquet(out.resolve("events").toString()).count());
        assertEquals(Set.of("T acme", "T hospital", "T router", "T vpn"), spark.read().parquet(out.resolve("events").toString())
                .select("title").collectAsList().stream().map(r -> r.getString(0)).collect(Collectors.toSet()));

        SparkTagJob.Summary again = SparkTagJob.run(spark, options(jsonl.toString(), out, SparkTagJob.InputFormat.AUTO, false, 3));
        assertEquals(0, again.chunksSkipped());
        assertTrue(files(out).stream().noneMatch(after::contains), "without --skip-existing every chunk is redone");
    }

    @Test
    void transformerAddsEventsInsideAPipeline() {
        StructType schema = new StructType().add("id", DataTypes.StringType).add("body", DataTypes.StringType);
        String text = "Hackers stole the card numbers of two million customers from Acme Corp last week.";
        Dataset<Row> df = spark.createDataFrame(List.of(RowFactory.create("a", text), RowFactory.create("b", null)), schema);
        EventExtractorTransformer stage = new EventExtractorTransformer().setModel(model.toString()).setInputCol("body");
        PipelineModel fitted = new Pipeline().setStages(new PipelineStage[] {stage}).fit(df);
        List<Row> rows = fitted.transform(df).orderBy("id").collectAsList();
        assertEquals(List.of("id", "body", "events", "incidents"), List.of(rows.get(0).schema().fieldNames()));
        List<Row> events = rows.get(0).getList(2);
        assertNotNull(events);
        List<Row> direct = scala.jdk.javaapi.CollectionConverters.asJava(
                EventRows.of(ExtractorHolder.get(model.toString(), null).extract(Document.ofText("text", text))));
        assertNotEquals(0, direct.size(), "the fixture model should find events in this text");
        assertEquals(direct.stream().map(SparkTagJobTest::describe).toList(), events.stream().map(SparkTagJobTest::describe).toList());
        assertEquals(null, rows.get(1).get(2));
        List<Row> incidents = rows.get(0).getList(3);
        List<Row> directIncidents = scala.jdk.javaapi.CollectionConverters.asJava(IncidentRows.of(
                ExtractorHolder.get(model.toString(), null).extractIncidents(Document.ofText("text", text))));
        assertNotEquals(0, directIncidents.size());
        assertEquals(directIncidents.stream().map(SparkTagJobTest::describeIncident).toList(),
                incidents.stream().map(SparkTagJobTest::describeIncident).toList());
        assertEquals(null, rows.get(1).get(3));
    }
}
