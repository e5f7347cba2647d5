package org.casie.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.casie.model.ModelBundle;
import org.casie.text.bert.EncoderFiles;
import org.casie.text.bert.EncoderSpec;
import org.casie.text.bert.LayerWeights;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code casie finetune} on fixture documents with the real BERT weights (layer 2 tuned over layer 1, so it is
 * cheap): the tuned layers and their report come out, a resume of other settings is refused, and
 * {@code train --tuned-encoder} puts them in the bundle.
 */
@EnabledIf("weightsPresent")
class FinetuneCommandTest {

    static boolean weightsPresent() {
        return EncoderFiles.onClassPath(EncoderSpec.defaults());
    }

    @Test
    void tunesResumesAndTrainsATaggerOnTheTunedLayers(@TempDir Path dir) throws Exception {
        BatchCommandsTest.writeCorpus(dir, 6);
        Path out = dir.resolve("tuned.bin");
        BatchCommandsTest.Run r = BatchCommandsTest.cli(tinyFinetune(dir, out, 2));
        assertEquals(ExitCodes.SOME_INPUTS_FAILED, r.exit(), "the broken training file is reported: " + r.err());
        assertTrue(r.out().contains("tuned layers 2-2 (epoch "), r.out());
        LayerWeights tuned;
        try (InputStream in = Files.newInputStream(out)) {
            tuned = LayerWeights.read(in, out.toString());
        }
        assertEquals(2, tuned.first());
        assertEquals(1, tuned.count());
        JsonNode report = new ObjectMapper().readTree(dir.resolve("tuned.bin.json").toFile());
        assertEquals(2, report.get("epochs").size());
        assertTrue(report.get("epochs").get(1).get("loss").asDouble() > 0);
        assertEquals(tuned.digest(), report.get("digest").asText());

        // Stopped after epoch 1 and resumed, the run ends with the same weights as the run straight through.
        Path split = dir.resolve("split.bin");
        String[] splitArgs = tinyFinetune(dir, split, 2);
        BatchCommandsTest.Run first = BatchCommandsTest.cli(concat(splitArgs, "--stop-after", "1"));
        assertTrue(first.out().contains("stopped after epoch 1 of 2"), first.out());
        assertTrue(!Files.exists(split), "no output before the last epoch");
        BatchCommandsTest.Run rest = BatchCommandsTest.cli(concat(splitArgs, "--resume"));
        assertTrue(rest.err().contains("resuming after epoch 1"), rest.err());
        assertEquals(org.casie.io.Sha256.hex(Files.readAllBytes(out)), org.casie.io.Sha256.hex(Files.readAllBytes(split)));

        BatchCommandsTest.Run other = BatchCommandsTest.cli(tinyFinetune(dir, out, 2, "--seed", "7", "--resume"));
        assertEquals(ExitCodes.BAD_DATA, other.exit(), other.err());
        assertTrue(other.err().contains("the checkpoint is of other settings or data"), other.err());

        Path bundle = dir.resolve("m.zip");
        BatchCommandsTest.Run train = BatchCommandsTest.cli("train", "--profile", "accurate", "--tuned-encoder",
                out.toString(), "--data", dir.resolve("data").toString(), "--train", dir.resolve("train.txt").toString(),
                "--config", dir.resolve("tiny.json").toString(), "--no-cache",
                "--threads", "1", "--out", bundle.toString());
        assertEquals(ExitCodes.SOME_INPUTS_FAILED, train.exit(), "the broken file again: " + train.err());
        EncoderSpec spec = ModelBundle.load(bundle).model().settings().encoder();
        assertEquals(tuned.digest(), spec.tuned());
        assertEquals(2, spec.layer());
        JsonNode tuning = ModelBundle.provenance(bundle).get("encoderTuning");
        assertEquals(tuned.digest(), tuning.get("digest").asText());
        assertEquals(2, tuning.get("epochs").size(), "the finetune report travels in the provenance");
    }

    @Test
    void primedArgumentQueriesTrainAThirdHead(@TempDir Path dir) throws Exception {
        BatchCommandsTest.writeCorpus(dir, 6);
        Path out = dir.resolve("primed.bin");
        BatchCommandsTest.Run r = BatchCommandsTest.cli(tinyFinetune(dir, out, 1, "--primed-arguments", "markers"));
        assertEquals(ExitCodes.SOME_INPUTS_FAILED, r.exit(), "the broken training file is reported: " + r.err());
        assertTrue(r.err().contains("primed role"), r.err());
        JsonNode report = new ObjectMapper().readTree(dir.resolve("primed.bin.json").toFile());
        assertEquals("markers", report.get("primedArguments").asText());
        assertTrue(report.get("epochs").get(0).has("devPrimedRoleF1"), report.toString());

        BatchCommandsTest.Run bad = BatchCommandsTest.cli("finetune", "--data", dir.resolve("data").toString(),
                "--train", dir.resolve("train.txt").toString(), "--dev", dir.resolve("dev.txt").toString(),
                "--primed-arguments", "both", "--out", out.toString());
        assertEquals(ExitCodes.BAD_DATA, bad.exit(), bad.err());
        assertTrue(bad.err().contains("--primed-arguments must be none, markers or prompt"), bad.err());
    }

    /** finetune on the fixture corpus in {@code dir}: layer 2 tuned over layer 1, cheap annotations, one thread. */
    private static String[] tinyFinetune(Path dir, Path out, int epochs, String... extra) {
        return concat(new String[]{"finetune", "--data", dir.resolve("data").toString(),
                "--train", dir.resolve("train.txt").toString(), "--dev", dir.resolve("dev.txt").toString(),
                "--layer", "2", "--tune", "1", "--epochs", String.valueOf(epochs), "--out", out.toString(), "--no-ner",
                "--no-depparse", "--no-cache", "--threads", "1"}, extra);
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void aMissingTunedLayersFileIsOneLine(@TempDir Path dir) throws Exception {
        BatchCommandsTest.writeCorpus(dir, 5);
        BatchCommandsTest.Run r = BatchCommandsTest.cli("train", "--profile", "accurate", "--tuned-encoder",
                dir.resolve("none.bin").toString(), "--data", dir.resolve("data").toString(), "--train",
                dir.resolve("train.txt").toString(), "--out", dir.resolve("m.zip").toString());
        assertEquals(ExitCodes.BAD_DATA, r.exit());
        assertTrue(r.err().contains("none.bin: no such file"), r.err());
        BatchCommandsTest.Run fast = BatchCommandsTest.cli("train", "--tuned-encoder", dir.resolve("none.bin").toString(),
                "--data", dir.resolve("data").toString(), "--train", dir.resolve("train.txt").toString(), "--out",
                dir.resolve("m.zip").toString());
        assertEquals(ExitCodes.BAD_DATA, fast.exit());
        assertTrue(fast.err().contains("--tuned-encoder needs an encoder: use --profile accurate"), fast.err());
    }
}
