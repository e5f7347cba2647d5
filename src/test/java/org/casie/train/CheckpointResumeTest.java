package org.casie.train;

import org.casie.corpus.Document;
import org.casie.examples.AnnotatedText;
import org.casie.model.ModelSettings;
import org.casie.model.NetworkConfig;
import org.casie.text.AnnotatorConfig;
import org.casie.text.Preprocessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An interrupted run resumed from its checkpoints ends with exactly the weights of an uninterrupted run,
 * whichever network was interrupted where; a checkpoint of other data, another configuration or damaged
 * is refused with one line.
 */
class CheckpointResumeTest {

    private static final AnnotatorConfig CHEAP = new AnnotatorConfig(false, false);
    private static final NetworkConfig TINY = new NetworkConfig(8, 4, 8, 1, 0.2, 1e-2, 1e-5);
    static final TrainConfig CONFIG = new TrainConfig(new ModelSettings(CHEAP, 0, 0, 80, 1, TINY, TINY, null, 0), 5, 3, 3, 3, 8,
            HopperConfig.defaults().withEpochs(2), 0.9, 0.5, true); // averaged weights, sampled negatives, padding-free twins

    private static List<AnnotatedText> train;
    private static List<AnnotatedText> dev;
    private static EventTrainer.Outcome uninterrupted;

    /** A crash in the middle of a run: thrown from the monitor once {@code task} has checkpointed {@code epoch}. */
    static final class Crash extends RuntimeException {
        Crash() {
            super("simulated kill");
        }
    }

    static TrainingMonitor crashAfter(String task, int epoch) {
        return new TrainingMonitor() {
            @Override
            public void epochDone(String t, int e, double loss, double devF1, boolean best) {
                if (t.equals(task) && e == epoch) {
                    throw new Crash();
                }
            }
        };
    }

    @BeforeAll
    static void trainUninterrupted() {
        Preprocessor preprocessor = new Preprocessor(CHEAP, null);
        train = EndToEndTrainingTest.annotate(FixtureCorpus.documents(10, 3), preprocessor);
        dev = EndToEndTrainingTest.annotate(FixtureCorpus.documents(3, 4), preprocessor);
        uninterrupted = new EventTrainer(CONFIG, TrainingMonitor.SILENT).train(train, dev, 2);
    }

    static float[] weights(ComputationGraph net) {
        return net.params().dup().data().asFloat();
    }

    private static void assertSameWeights(EventTrainer.Outcome expected, EventTrainer.Outcome actual) {
        assertArrayEquals(weights(expected.model().triggerTagger().network()), weights(actual.model().triggerTagger().network()));
        assertArrayEquals(weights(expected.model().argumentTagger().network()), weights(actual.model().argumentTagger().network()));
        assertEquals(expected.trigger().bestEpoch(), actual.trigger().bestEpoch());
        assertEquals(expected.argument().epochs().size(), actual.argument().epochs().size());
    }

    /**
     * Tagger epochs trained, as "task:epoch", in the order they finished. The hopper classifier is not
     * checkpointed: it trains in seconds after the taggers, on every run.
     */
    private static final class Recorder implements TrainingMonitor {
        final List<String> epochs = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

        @Override
        public void epochDone(String task, int epoch, double loss, double devF1, boolean best) {
            if (!task.equals("hopper")) {
                epochs.add(task + ":" + epoch);
            }
        }
    }

    /** Crashes a run, resumes it, and checks that the resumed run trained exactly the epochs {@code after}. */
    private static EventTrainer.Outcome crashThenResume(Path dir, TrainingMonitor crash, int threads, List<String> after) {
        Checkpoints first = new Checkpoints(dir, false);
        assertThrows(Crash.class, () -> new EventTrainer(CONFIG, crash, first).train(train, dev, threads));
        assertTrue(first.exists(), "the completed epochs were checkpointed");
        Recorder recorder = new Recorder();
        EventTrainer.Outcome resumed = new EventTrainer(CONFIG, recorder, new Checkpoints(dir, true)).train(train, dev, threads);
        assertEquals(after, recorder.epochs.stream().sorted().toList(), "only the epochs after the checkpoints were trained");
        return resumed;
    }

    @Test
    void triggerNetworkInterruptedMidRunResumesToTheSameWeights(@TempDir Path dir) {
        // One thread: the argument network has not started when the trigger network dies after epoch 1.
        EventTrainer.Outcome resumed = crashThenResume(dir, crashAfter("trigger", 1), 1,
                List.of("argument:1", "argument:2", "argument:3", "trigger:2", "trigger:3"));
        assertSameWeights(uninterrupted, resumed);
    }

    @Test
    void argumentNetworkInterruptedAfterTheTriggerNetworkFinishedResumesToTheSameWeights(@TempDir Path dir) {
        // One thread: the trigger network has finished all its epochs when the argument network dies after epoch 2.
        EventTrainer.Outcome resumed = crashThenResume(dir, crashAfter("argument", 2), 1, List.of("argument:3"));
        assertSameWeights(uninterrupted, resumed);
        assertEquals(uninterrupted.model().triggerTagger().network().params().length(),
                resumed.model().triggerTagger().network().params().length());
    }

    @Test
    void checkpointOfAnotherConfigurationIsRefused(@TempDir Path dir) {
        List<Document> docs = train.stream().map(AnnotatedText::document).toList();
        Checkpoints written = new Checkpoints(dir, false);
        written.open(CONFIG, docs, List.of());
        written.save(Checkpoints.TaskState.of("trigger", uninterrupted.model().triggerTagger().network(), 1, 50, 1, false,
                List.of(), null, null));
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> new Checkpoints(dir, true).open(CONFIG.withSeed(8), docs, List.of()));
        assertTrue(e.getMessage().startsWith("checkpoint " + dir.resolve("trigger.zip") + ": was written with another configuration"),
                e.getMessage());
    }

    @Test
    void checkpointOfOtherDataIsRefused(@TempDir Path dir) {
        List<Document> docs = train.stream().map(AnnotatedText::document).toList();
        Checkpoints written = new Checkpoints(dir, false);
        written.open(CONFIG, docs, List.of());
        written.save(Checkpoints.TaskState.of("trigger", uninterrupted.model().triggerTagger().network(), 1, 50, 1, false,
                List.of(), null, null));
        List<Document> fewer = docs.subList(1, docs.size());
        CheckpointException e = assertThrows(CheckpointException.class, () -> new Checkpoints(dir, true).open(CONFIG, fewer, List.of()));
        assertTrue(e.getMessage().contains(": was written for other data"), e.getMessage());
        // Relabelled data with the same texts counts as other data too.
        List<Document> relabelled = new java.util.ArrayList<>(docs);
        relabelled.set(0, docs.get(0).withHoppers(List.of()));
        assertThrows(CheckpointException.class, () -> new Checkpoints(dir, true).open(CONFIG, relabelled, List.of()));
    }

    @Test
    void damagedCheckpointIsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        List<Document> docs = train.stream().map(AnnotatedText::document).toList();
        Checkpoints written = new Checkpoints(dir, false);
        written.open(CONFIG, docs, List.of());
        written.save(Checkpoints.TaskState.of("trigger", uninterrupted.model().triggerTagger().network(), 1, 50, 1, false,
                List.of(), null, null));
        Path file = dir.resolve("trigger.zip");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        CheckpointException e = assertThrows(CheckpointException.class, () -> new Checkpoints(dir, true).open(CONFIG, docs, List.of()));
        assertTrue(e.getMessage().startsWith("checkpoint " + file + ": "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void epochSeedsDifferByEpochAndSeed() {
        assertFalse(TaskTrainer.epochSeed(42, 1) == TaskTrainer.epochSeed(42, 2));
        assertFalse(TaskTrainer.epochSeed(42, 1) == TaskTrainer.epochSeed(43, 1));
        assertEquals(TaskTrainer.epochSeed(42, 3), TaskTrainer.epochSeed(42, 3));
    }
}
