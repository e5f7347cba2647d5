package org.casie.cli;

import org.casie.io.Sha256;
import org.casie.model.ModelBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A training run in a separate JVM is killed (SIGKILL) right after its first checkpoint: the model bundle
 * that was at OUT before is intact, and {@code train --resume} then ends with the weights of an
 * uninterrupted run.
 */
class TrainKillTest {

    private static String sha256(Path file) throws Exception {
        return Sha256.hex(Files.readAllBytes(file));
    }

    private static List<String> trainArgs(Path dir, Path out) {
        return List.of("train", "--data", dir.resolve("data").toString(), "--train", dir.resolve("train.txt").toString(),
                "--dev", dir.resolve("dev.txt").toString(), "--out", out.toString(), "--config", dir.resolve("slow.json").toString(),
                "--no-cache", "--threads", "2", "--force");
    }

    @Test
    void killedRunLeavesThePreviousBundleIntactAndResumesToTheUninterruptedWeights(@TempDir Path dir) throws Exception {
        BatchCommandsTest.writeCorpus(dir, 12);
        Files.writeString(dir.resolve("slow.json"), Files.readString(dir.resolve("tiny.json"))
                .replace("\"maxEpochs\": 2, \"argumentMaxEpochs\": 2, \"patience\": 2", "\"maxEpochs\": 4, \"argumentMaxEpochs\": 4, \"patience\": 4"));
        Path out = dir.resolve("model.zip");
        Files.copy(Path.of("models/fast.zip"), out); // the previous model, which the run replaces only when it finishes
        String before = sha256(out);

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "org.casie.cli.Main"));
        command.addAll(trainArgs(dir, out));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("killed-run.log").toFile());
        builder.environment().put("OMP_NUM_THREADS", "1");
        Process run = builder.start();
        Path checkpoint = dir.resolve("model.zip.checkpoint");
        // Generous: on a machine shared by several builds the JVM, CoreNLP and the first epoch can take minutes.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(900);
        while (!Files.exists(checkpoint.resolve("trigger.zip")) && !Files.exists(checkpoint.resolve("argument.zip"))) {
            assertTrue(run.isAlive(), "the run ended before its first checkpoint: " + Files.readString(dir.resolve("killed-run.log")));
            assertTrue(System.nanoTime() < deadline, "no checkpoint within 900 s");
            Thread.sleep(20);
        }
        assertTrue(run.isAlive(), "still training when killed");
        run.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block
        run.waitFor(30, TimeUnit.SECONDS);

        assertEquals(before, sha256(out), "the previous bundle is untouched");
        ModelBundle.load(out);
        assertTrue(Files.isDirectory(checkpoint));

        List<String> resume = new ArrayList<>(trainArgs(dir, out));
        resume.add("--resume");
        BatchCommandsTest.Run resumed = BatchCommandsTest.cli(resume.toArray(new String[0]));
        assertEquals(ExitCodes.SOME_INPUTS_FAILED, resumed.exit(), resumed.err()); // broken.json is skipped
        assertTrue(resumed.err().contains("resuming from " + checkpoint), resumed.err());
        assertFalse(Files.exists(checkpoint), "the checkpoint is deleted once the bundle is written");

        Path uninterrupted = dir.resolve("uninterrupted.zip");
        BatchCommandsTest.Run whole = BatchCommandsTest.cli(trainArgs(dir, uninterrupted).toArray(new String[0]));
        assertEquals(ExitCodes.SOME_INPUTS_FAILED, whole.exit(), whole.err());
        var a = ModelBundle.load(out).manifest().path("sha256");
        var b = ModelBundle.load(uninterrupted).manifest().path("sha256");
        assertEquals(b.path("trigger.dl4j").asText(), a.path("trigger.dl4j").asText(), "identical trigger weights");
        assertEquals(b.path("argument.dl4j").asText(), a.path("argument.dl4j").asText(), "identical argument weights");
        assertEquals(b.path("vocab/words.txt").asText(), a.path("vocab/words.txt").asText());
    }
}
