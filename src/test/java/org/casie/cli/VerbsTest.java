package org.casie.cli;

import org.casie.model.TinyBundle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.casie.cli.BatchCommandsTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code evaluate}, {@code cv}, {@code inspect} and {@code preprocess} verbs on a fixture corpus and a tiny model. */
class VerbsTest {

    @TempDir
    static Path dir;
    static Path data;
    static Path model;

    @BeforeAll
    static void corpus() throws Exception {
        BatchCommandsTest.writeCorpus(dir, 8);
        data = dir.resolve("data");
        model = TinyBundle.write(dir.resolve("tiny-model.zip"));
    }

    @Test
    void evaluateScoresTheListedDocumentsAndWritesItsReport() throws Exception {
        Path report = dir.resolve("report");
        BatchCommandsTest.Run r = cli("evaluate", "--model", model.toString(), "--data", data.toString(), "--docs",
                dir.resolve("dev.txt").toString(), "--report", report.toString(), "--no-cache");
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertTrue(r.out().contains("Trig-C") && r.out().contains("Arg-C, gold triggers"), r.out());
        assertTrue(r.out().contains("gold mentions, subtype baseline"), r.out());
        for (String f : new String[] {"scores.txt", "scores.json", "hoppers.json", "report.html", "errors.tsv",
                "predictions/fixture5.json", "predictions/fixture7.json"}) {
            assertTrue(Files.exists(report.resolve(f)), f);
        }
        assertTrue(r.err().contains("tagged and scored 3 documents"), r.err());
        assertTrue(!r.err().contains("training data"), r.err()); // the tiny model records no training ids
    }

    @Test
    void evaluateWarnsWhenTheDocumentsWereInTheModelsTrainingData() throws Exception {
        // dev.txt lists fixture5-7; the bundle says it was trained on fixture6 and fixture7
        Path trained = TinyBundle.write(dir.resolve("trained-on-dev.zip"),
                Map.of("data", Map.of("trainIds", List.of("fixture0", "fixture6", "fixture7"))));
        BatchCommandsTest.Run r = cli("evaluate", "--model", trained.toString(), "--data", data.toString(), "--docs",
                dir.resolve("dev.txt").toString(), "--no-cache");
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertTrue(r.err().contains("warning: 2 of the 3 documents scored are in the model's training data"), r.err());
    }

    @Test
    void cvRefusesZeroEpochsAsAUsageError() {
        BatchCommandsTest.Run r = cli("cv", "--data", data.toString(), "--docs", dir.resolve("train.txt").toString(),
                "--epochs", "0", "--no-cache");
        assertEquals(ExitCodes.USAGE, r.exit(), r.err());
        assertTrue(r.err().startsWith("casie: --epochs must be at least 1, not 0"), r.err());
    }

    @Test
    void trainRefusesZeroEpochsAsAUsageErrorToo() {
        BatchCommandsTest.Run r = cli("train", "--data", data.toString(), "--train", dir.resolve("train.txt").toString(),
                "--out", dir.resolve("never.zip").toString(), "--epochs", "0", "--no-cache");
        assertEquals(ExitCodes.USAGE, r.exit(), r.err());
        assertTrue(r.err().startsWith("casie: --epochs must be at least 1, not 0"), r.err());
        assertTrue(!Files.exists(dir.resolve("never.zip")));
    }

    @Test
    void cvTrainsAndScoresEachFold() throws Exception {
        Files.write(dir.resolve("all.txt"), java.util.stream.IntStream.range(0, 8).mapToObj(i -> "fixture" + i).toList());
        BatchCommandsTest.Run r = cli("cv", "--data", data.toString(), "--docs", dir.resolve("all.txt").toString(),
                "--config", dir.resolve("tiny.json").toString(), "--folds", "2", "--epochs", "1", "--no-cache",
                "--threads", "1");
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertTrue(r.out().startsWith("2-fold cross-validation over 8 documents"), r.out());
        assertTrue(r.out().contains("Trig-C") && r.out().contains("Realis"), r.out());
        assertTrue(r.err().contains("fold 2/2"), r.err());
    }

    @Test
    void inspectVerifiesTheBundleAndPrintsItsProvenance() {
        BatchCommandsTest.Run r = cli("inspect", model.toString());
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertTrue(r.out().startsWith(model + ": "), r.out());
        assertTrue(r.out().contains("loaded and verified"), r.out());
        assertTrue(r.out().contains("\"seed\" : 1"), r.out());
        BatchCommandsTest.Run missing = cli("inspect", dir.resolve("none.zip").toString());
        assertEquals(ExitCodes.BAD_DATA, missing.exit());
    }

    @Test
    void preprocessFillsTheCacheAndFindsItFilledTheSecondTime() {
        Path cache = dir.resolve("cache");
        String[] args = {"preprocess", data.toString(), "--no-ner", "--no-depparse", "--cache", cache.toString()};
        BatchCommandsTest.Run first = cli(args);
        assertEquals(ExitCodes.SOME_INPUTS_FAILED, first.exit(), "broken.json is rejected: " + first.err());
        assertTrue(first.out().startsWith("8 documents (0 already cached)"), first.out());
        BatchCommandsTest.Run second = cli(args);
        assertTrue(second.out().startsWith("8 documents (8 already cached)"), second.out());
        assertTrue(Files.isDirectory(cache.resolve("corenlp")), "entries under the given --cache");
    }
}
