package org.casie.cli;

import org.casie.cli.BatchCommandsTest.Run;
import org.casie.corpus.AnnotationWriter;
import org.casie.corpus.CorpusLoader;
import org.casie.corpus.Document;
import org.casie.corpus.LoadedCorpus;
import org.casie.examples.AnnotatedText;
import org.casie.examples.TriggerLexicon;
import org.casie.model.TinyBundle;
import org.casie.text.AnnotatorConfig;
import org.casie.text.Preprocessor;
import org.casie.train.FixtureCorpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.casie.cli.BatchCommandsTest.cli;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code convert}, {@code select}, training from brat, and the correction loop (tag as brat, edit, train). */
class BratCommandsTest {

    @TempDir
    static Path dir;
    static Path json;
    static Path ids;
    static Path config;
    static Path model;

    @BeforeAll
    static void corpus() throws Exception {
        json = Files.createDirectories(dir.resolve("json"));
        List<String> names = new ArrayList<>();
        for (Document doc : FixtureCorpus.documents(10, 5)) {
            new AnnotationWriter().write(doc, json.resolve(doc.id() + ".json"));
            names.add(doc.id());
        }
        ids = Files.write(dir.resolve("ids.txt"), names);
        config = dir.resolve("tiny.json");
        Files.writeString(config, """
            {"model": {"annotators": {"ner": false, "depparse": false}, "maxTokens": 80, "minWordCount": 1,
              "trigger": {"wordDim": 8, "affixDim": 4, "hidden": 8, "layers": 1, "dropout": 0.2, "learningRate": 0.01, "l2": 0},
              "argument": {"wordDim": 8, "affixDim": 4, "hidden": 8, "layers": 1, "dropout": 0.2, "learningRate": 0.01, "l2": 0}},
             "maxEpochs": 2, "argumentMaxEpochs": 2, "patience": 2, "batchSize": 8, "seed": 3,
             "hoppers": {"maxEpochs": 1}}
            """);
        model = TinyBundle.write(dir.resolve("tiny-model.zip"));
    }

    private static Run train(Path data, Path out) {
        Run r = cli("train", "--data", data.toString(), "--train", ids.toString(), "--config", config.toString(),
                "--no-cache", "--threads", "1", "--out", out.toString());
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        return r;
    }

    @Test
    void convertGoesBothWaysAndReadsBackIdentical() throws Exception {
        Path brat = dir.resolve("as-brat");
        Run toBrat = cli("convert", "--to", "brat", "--check", json.toString(), brat.toString());
        assertEquals(ExitCodes.OK, toBrat.exit(), toBrat.err());
        assertTrue(toBrat.err().contains("check: 10 of 10 documents read back identical"), toBrat.err());
        assertTrue(Files.exists(brat.resolve("fixture0.txt")) && Files.exists(brat.resolve("fixture0.ann")));
        assertTrue(Files.readString(brat.resolve("annotation.conf")).contains("Realis Arg:<EVENT>, Value:Actual|Generic|Other"));
        assertTrue(Files.exists(brat.resolve("visual.conf")));

        Path back = dir.resolve("back-to-json");
        Run toJson = cli("convert", "--to", "casie", "--check", brat.toString(), back.toString());
        assertEquals(ExitCodes.OK, toJson.exit(), toJson.err());
        LoadedCorpus original = new CorpusLoader().loadFiles(CorpusLoader.goldFiles(List.of(json)), 1);
        LoadedCorpus twice = new CorpusLoader().loadFiles(CorpusLoader.goldFiles(List.of(back)), 1);
        assertEquals(original.documents(), twice.documents());
    }

    @Test
    void convertReportsABrokenAnnLineAndCarriesOn() throws Exception {
        Path brat = Files.createDirectories(dir.resolve("broken-brat"));
        Files.writeString(brat.resolve("a.txt"), "Hackers stole data.");
        Files.writeString(brat.resolve("a.ann"), "T1\tDatabreach 8 13\tstole\nE1 Databreach:T1\n");
        Run r = cli("convert", "--to", "casie", brat.toString(), dir.resolve("broken-out").toString());
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertTrue(r.err().contains("a.ann: line 2: cannot parse 'E1 Databreach:T1'"), r.err());
    }

    /** The same seed and the same documents, read from CASIE JSON or from brat, give bit-identical weights. */
    @Test
    void trainingFromBratGivesTheWeightsOfTrainingFromJson() throws Exception {
        Path brat = dir.resolve("train-brat");
        assertEquals(ExitCodes.OK, cli("convert", "--to", "brat", json.toString(), brat.toString()).exit());
        Path fromJson = dir.resolve("from-json.zip");
        Path fromBrat = dir.resolve("from-brat.zip");
        train(json, fromJson);
        train(brat, fromBrat);
        for (String entry : List.of("trigger.dl4j", "argument.dl4j", "lexicon.tsv")) {
            byte[] a = entry(fromJson, entry);
            assertTrue(a.length > 0, entry);
            assertArrayEquals(a, entry(fromBrat, entry), entry);
        }
    }

    /**
     * The correction loop: tag as brat, delete one predicted trigger and add one by editing the .ann files,
     * train on the directory, and the trainer read the corrected gold (its trigger lexicon counts the new
     * trigger and is the one the corrected files give).
     */
    @Test
    void correctedTagOutputIsTrainingData() throws Exception {
        Path articles = Files.createDirectories(dir.resolve("articles"));
        for (String id : Files.readAllLines(ids)) {
            Document d = new CorpusLoader().read(json.resolve(id + ".json")).document().orElseThrow();
            Files.writeString(articles.resolve(id + ".txt"), d.content());
        }
        Path tagged = dir.resolve("tagged");
        Run tag = cli("tag", "--model", model.toString(), "--format", "brat", "--out", tagged.toString(), "--no-cache",
                articles.toString());
        assertEquals(ExitCodes.OK, tag.exit(), tag.err());
        assertTrue(Files.exists(tagged.resolve("annotation.conf")), "the schema comes with the output");
        List<String> uncorrected = expectedLexicon(tagged);
        Run noArguments = cli("train", "--data", tagged.toString(), "--train", ids.toString(), "--config", config.toString(),
                "--no-cache", "--threads", "1", "--out", dir.resolve("refused.zip").toString());
        assertEquals(ExitCodes.BAD_DATA, noArguments.exit(), noArguments.err());
        assertTrue(noArguments.err().contains("the argument tagger needs at least 2 (annotate some arguments)"), noArguments.err());

        // Delete the first predicted event's trigger (with its event and attribute lines) in the first file that has one.
        String deletedFrom = null;
        for (String id : Files.readAllLines(ids)) {
            Path ann = tagged.resolve(id + ".ann");
            List<String> lines = Files.readAllLines(ann);
            String event = lines.stream().filter(l -> l.startsWith("E")).findFirst().orElse(null);
            if (event == null) {
                continue;
            }
            String eventId = event.split("\t")[0];
            String triggerId = event.split("\t")[1].split(" ")[0].split(":")[1];
            lines.removeIf(l -> l.startsWith(triggerId + "\t") || l.startsWith(eventId + "\t")
                    || l.endsWith(" " + eventId) || l.contains(" " + eventId + " ") || l.contains(":" + eventId));
            lines.removeIf(l -> l.matches("[A#]\\d+\t\\S+ " + eventId + "(\t| ).*"));
            Files.write(ann, lines);
            deletedFrom = id;
            break;
        }
        assertTrue(deletedFrom != null, "the untrained tiny model predicts some events to correct");
        // Add a Ransom trigger on "weather", a word no gold trigger covers, with two arguments (the untrained model
        // predicts none, and the argument tagger needs two entity types to learn from).
        String added = null;
        for (String id : Files.readAllLines(ids)) {
            String text = Files.readString(tagged.resolve(id + ".txt"));
            int at = text.indexOf("weather");
            String ann = Files.readString(tagged.resolve(id + ".ann"));
            int market = text.indexOf("the market");
            int higher = text.indexOf("higher");
            if (at >= 0 && market >= 0 && higher >= 0) {
                Files.writeString(tagged.resolve(id + ".ann"), ann + "T900\tRansom " + at + " " + (at + 7)
                        + "\tweather\nT901\tOrganization " + market + " " + (market + 10) + "\tthe market\nT902\tTime " + higher
                        + " " + (higher + 6) + "\thigher\nE900\tRansom:T900 Victim:T901 Time:T902\nA900\tRealis E900 Actual\n");
                added = id;
                break;
            }
        }
        assertTrue(added != null, "some fixture article mentions the weather");

        Path corrected = dir.resolve("corrected.zip");
        train(tagged, corrected);
        List<String> lexicon = lines(entry(corrected, "lexicon.tsv"));
        assertEquals(ransomCount(uncorrected, "weather") + 1, ransomCount(lexicon, "weather"), "one more Ransom trigger on 'weather'");
        assertEquals(expectedLexicon(tagged), lexicon, "the lexicon of the corrected files");
        assertNotEquals(uncorrected, lexicon);
        Document read = new CorpusLoader().read(tagged.resolve(added + ".ann")).document().orElseThrow();
        assertTrue(read.events().anyMatch(e -> e.text().equals("weather") && e.arguments().size() == 2), added);
    }

    @Test
    void selectIsDeterministicWithASeedAndRespectsN() throws Exception {
        for (String strategy : List.of("diverse", "uncertainty", "random")) {
            Path a = dir.resolve(strategy + "-a.txt");
            Path b = dir.resolve(strategy + "-b.txt");
            Run first = cli("select", "--model", model.toString(), "--pool", json.toString(), "--n", "4", "--seed", "7",
                    "--strategy", strategy, "--no-cache", "--list", a.toString());
            Run second = cli("select", "--model", model.toString(), "--pool", json.toString(), "--n", "4", "--seed", "7",
                    "--strategy", strategy, "--no-cache", "--list", b.toString());
            assertEquals(ExitCodes.OK, first.exit(), first.err());
            assertEquals(4, Files.readAllLines(a).size(), strategy);
            assertEquals(Files.readAllLines(a), Files.readAllLines(b), strategy);
            assertEquals(first.out(), second.out(), strategy);
        }
    }

    @Test
    void selectSkipsExcludedArticlesAndWritesPreAnnotatedBrat() throws Exception {
        Path exclude = Files.write(dir.resolve("exclude.txt"), List.of("fixture0", "fixture1"));
        Path out = dir.resolve("chosen");
        Run r = cli("select", "--model", model.toString(), "--pool", json.toString(), "--n", "20", "--exclude",
                exclude.toString(), "--no-cache", "--out", out.toString());
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        List<String> chosen = r.out().lines().map(l -> l.split("\t")[0]).toList();
        assertEquals(8, chosen.size(), "all that is left when N is larger than the pool");
        assertFalse(chosen.contains("fixture0") || chosen.contains("fixture1"));
        for (String id : chosen) {
            assertTrue(Files.exists(out.resolve(id + ".ann")) && Files.exists(out.resolve(id + ".txt")), id);
        }
        assertTrue(Files.exists(out.resolve("annotation.conf")));
    }

    private static List<String> expectedLexicon(Path bratDir) {
        LoadedCorpus gold = new CorpusLoader().load(bratDir, readLines(ids), 1);
        Preprocessor preprocessor = new Preprocessor(new AnnotatorConfig(false, false), null);
        List<AnnotatedText> texts = gold.documents().stream()
                .map(d -> new AnnotatedText(d, preprocessor.process(d.content()))).toList();
        return TriggerLexicon.build(texts).toLines();
    }

    private static int ransomCount(List<String> lexicon, String lemma) {
        return lexicon.stream().filter(l -> l.startsWith(lemma + "\t")).findFirst()
                .map(l -> Integer.parseInt(l.split("\t")[2 + org.casie.corpus.Subtype.Ransom.ordinal()])).orElse(0);
    }

    private static List<String> readLines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> lines(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).lines().toList();
    }

    static byte[] entry(Path zip, String name) throws Exception {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    in.transferTo(out);
                    return out.toByteArray();
                }
            }
        }
        throw new AssertionError(zip + " has no entry " + name);
    }
}
