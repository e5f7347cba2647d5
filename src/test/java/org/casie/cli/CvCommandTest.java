package org.casie.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code casie cv} on fixture documents: one row of figures per fold, then their mean and standard deviation. */
class CvCommandTest {

    @Test
    void printsEveryFoldThenTheMeanAndStandardDeviationOfTheFolds(@TempDir Path dir) throws Exception {
        BatchCommandsTest.writeCorpus(dir, 9);
        Path list = dir.resolve("all.txt");
        List<String> ids = Files.readAllLines(dir.resolve("train.txt")).stream().filter(id -> !id.equals("broken")).toList();
        Files.write(list, ids); // 6 documents: 3 folds of 2, each trained on 4 (1 of them dev)
        Path config = dir.resolve("one-epoch.json"); // the fixture's tiny networks, one epoch each: 3 trainings
        Files.writeString(config, Files.readString(dir.resolve("tiny.json")).replace("\"maxEpochs\": 2, \"argumentMaxEpochs\": 2,",
                "\"maxEpochs\": 1, \"argumentMaxEpochs\": 1, \"hoppers\": {\"maxEpochs\": 1},"));
        assertTrue(Files.readString(config).contains("\"hoppers\""), "the fixture config changed: update this test");
        BatchCommandsTest.Run r = BatchCommandsTest.cli("cv", "--data", dir.resolve("data").toString(), "--docs",
                list.toString(), "--folds", "3", "--config", config.toString(), "--no-cache",
                "--threads", "1", "--report", dir.resolve("cv.json").toString());
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("3-fold cross-validation over 6 documents"), r.out());
        assertEquals(List.of("fold", "docs", "Trig-I", "Trig-C", "Arg-I", "Arg-C", "Arg-C+", "Realis"),
                List.of(lines.get(1).trim().split(" +")));
        double[][] folds = new double[3][];
        for (int k = 0; k < 3; k++) {
            String[] cells = lines.get(2 + k).trim().split(" +");
            assertEquals(String.valueOf(k + 1), cells[0], r.out());
            assertEquals("2", cells[1], "documents scored by fold " + (k + 1));
            folds[k] = Arrays.stream(cells, 2, cells.length).mapToDouble(Double::parseDouble).toArray();
            for (double f : folds[k]) {
                assertTrue(f >= 0 && f <= 100, r.out());
            }
        }
        String[] mean = lines.get(5).trim().split(" +");
        String[] sd = lines.get(6).trim().split(" +");
        assertEquals("mean", mean[0]);
        assertEquals("6", mean[1]);
        assertEquals("sd", sd[0]);
        for (int m = 0; m < folds[0].length; m++) {
            double mu = (folds[0][m] + folds[1][m] + folds[2][m]) / 3;
            double var = 0;
            for (double[] f : folds) {
                var += (f[m] - mu) * (f[m] - mu);
            }
            // The table rounds to one decimal, so the rounded fold figures agree with mean and sd to within 0.1.
            assertEquals(mu, Double.parseDouble(mean[2 + m]), 0.1, "mean of column " + m + "\n" + r.out());
            assertEquals(Math.sqrt(var / 2), Double.parseDouble(sd[1 + m]), 0.1, "sd of column " + m + "\n" + r.out());
        }
        assertTrue(r.err().contains("fold 3/3: 3 train, 1 dev, 2 test documents"), r.err());

        // The report holds the same figures, and a model trained on all six documents records them.
        var report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("cv.json").toFile());
        assertEquals(3, report.get("folds").size());
        assertEquals(Double.parseDouble(mean[2 + 3]), report.get("mean").get("Arg-C").asDouble(), 1e-9);
        assertEquals(ids.stream().sorted().toList(), java.util.stream.StreamSupport
                .stream(report.get("documents").spliterator(), false).map(n -> n.asText()).toList());
        Path bundle = dir.resolve("all.zip");
        BatchCommandsTest.Run train = BatchCommandsTest.cli("train", "--data", dir.resolve("data").toString(), "--train",
                list.toString(), "--config", config.toString(), "--no-cache", "--threads", "1", "--out", bundle.toString(),
                "--cross-validation", dir.resolve("cv.json").toString());
        assertEquals(0, train.exit(), train.err());
        assertEquals(report.get("mean"), org.casie.model.ModelBundle.provenance(bundle).get("crossValidation").get("mean"));
        assertTrue(!train.err().contains("not the same set"), train.err());
        // With no dev set the epoch lines show the loss alone, not a NaN F1.
        assertTrue(train.out().contains("trigger ep1 loss ") && !train.out().contains("NaN"), train.out());
        BatchCommandsTest.Run inspect = BatchCommandsTest.cli("inspect", bundle.toString());
        assertEquals(0, inspect.exit(), inspect.err());
        assertTrue(inspect.out().contains("\"crossValidation\"") && inspect.out().contains("6 ids (--ids lists them)"),
                inspect.out());
    }

    @Test
    void aCrossValidationFileWithoutFiguresIsRefusedInOneLine(@TempDir Path dir) throws Exception {
        BatchCommandsTest.writeCorpus(dir, 9);
        Path bad = dir.resolve("cv.json");
        Files.writeString(bad, "{\"folds\": 5}");
        BatchCommandsTest.Run r = BatchCommandsTest.cli("train", "--data", dir.resolve("data").toString(), "--train",
                dir.resolve("train.txt").toString(), "--out", dir.resolve("m.zip").toString(), "--cross-validation",
                bad.toString());
        assertEquals(ExitCodes.BAD_DATA, r.exit(), r.err());
        assertTrue(r.err().contains("field 'mean' missing"), r.err());
        assertTrue(Files.notExists(dir.resolve("m.zip")));
    }

    @Test
    void unknownProfileIsRefusedInOneLine(@TempDir Path dir) {
        BatchCommandsTest.Run r = BatchCommandsTest.cli("cv", "--data", dir.toString(), "--docs",
                dir.resolve("none.txt").toString(), "--profile", "slow");
        assertEquals(ExitCodes.BAD_DATA, r.exit(), r.err());
        assertTrue(r.err().contains("--profile must be fast or accurate, not 'slow'"), r.err());
    }
}
