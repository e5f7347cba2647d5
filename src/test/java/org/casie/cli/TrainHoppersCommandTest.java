package org.casie.cli;

import org.casie.corpus.AnnotationWriter;
import org.casie.corpus.Document;
import org.casie.model.ModelBundle;
import org.casie.train.HopperFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code casie train-hoppers} on a version 1 bundle and coreference fixtures written as CASIE JSON. */
class TrainHoppersCommandTest {

    private static Path versionOne() throws Exception {
        return Path.of(TrainHoppersCommandTest.class.getResource("/model/version1-untrained.zip").toURI());
    }

    /** Writes the documents under {@code dir/data} and their ids to {@code dir/name.txt}. */
    private static Path corpus(Path dir, String name, List<Document> docs) throws Exception {
        AnnotationWriter writer = new AnnotationWriter();
        List<String> ids = new ArrayList<>();
        for (Document d : docs) {
            Document renamed = new Document(name + "-" + d.id(), d.sourceFile(), d.content(), d.title(), d.date(), d.link(),
                    d.infoType(), d.hoppers());
            writer.write(renamed, dir.resolve("data").resolve(renamed.id() + ".json"));
            ids.add(renamed.id());
        }
        Path list = dir.resolve(name + ".txt");
        Files.write(list, ids);
        return list;
    }

    @Test
    void addsAHopperClassifierToACopyOfTheBundle(@TempDir Path dir) throws Exception {
        Path train = corpus(dir, "train", HopperFixtures.documents(20, 1));
        Path dev = corpus(dir, "dev", HopperFixtures.documents(5, 2));
        Path out = dir.resolve("out.zip");
        int code = Main.run("train-hoppers", "--model", versionOne().toString(), "--data", dir.resolve("data").toString(),
                "--train", train.toString(), "--dev", dev.toString(), "--out", out.toString(), "--epochs", "4",
                "--no-cache", "--threads", "1");
        assertEquals(ExitCodes.OK, code);
        ModelBundle.Loaded loaded = ModelBundle.load(out);
        assertTrue(loaded.model().hopperClassifier().isPresent());
        assertEquals(ModelBundle.VERSION, loaded.manifest().path("version").asInt());
        assertEquals(20, loaded.provenance().path("hopper").path("data").path("trainIds").size());
        assertTrue(loaded.provenance().path("hopper").path("devScores").has("gold mentions, hopper classifier"));
        assertEquals("format version 1 bundle written by casie-extract de8d407 (before hopper models)",
                loaded.provenance().path("note").asText(), "the bundle's own provenance is kept");
    }

    @Test
    void refusesToOverwriteWithoutForce(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("exists.zip");
        Files.write(out, new byte[] {1, 2, 3});
        int code = Main.run("train-hoppers", "--model", versionOne().toString(), "--data", dir.toString(), "--train",
                dir.resolve("none.txt").toString(), "--out", out.toString());
        assertEquals(ExitCodes.BAD_DATA, code);
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(out));
    }

    @Test
    void refusesAnUnknownClustering(@TempDir Path dir) throws Exception {
        int code = Main.run("train-hoppers", "--model", versionOne().toString(), "--data", dir.toString(), "--train",
                dir.resolve("none.txt").toString(), "--out", dir.resolve("o.zip").toString(), "--clustering", "single-link");
        assertEquals(ExitCodes.BAD_DATA, code);
    }
}
