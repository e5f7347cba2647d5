package org.casie.train;

import org.casie.corpus.Document;
import org.casie.eval.EventScorer;
import org.casie.examples.AnnotatedText;
import org.casie.model.EventModel;
import org.casie.model.ModelBundle;
import org.casie.model.ModelSettings;
import org.casie.model.NetworkConfig;
import org.casie.text.AnnotatorConfig;
import org.casie.text.Preprocessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Trains a tiny model on fixtures, checks that it learns, and that it survives a trip through disk. */
class EndToEndTrainingTest {

    private static final AnnotatorConfig CHEAP = new AnnotatorConfig(false, false);
    private static final NetworkConfig SMALL = new NetworkConfig(16, 8, 24, 1, 0.1, 1e-2, 0);
    static final TrainConfig CONFIG = new TrainConfig(new ModelSettings(CHEAP, 0, 0, 80, 1, SMALL, SMALL, null, 0), 7, 12, 12,
            12, 8, HopperConfig.defaults().withEpochs(5), 0, 1, true);

    private static List<AnnotatedText> train;
    private static List<AnnotatedText> dev;
    private static EventTrainer.Outcome outcome;

    @BeforeAll
    static void trainOnce() {
        Preprocessor preprocessor = new Preprocessor(CHEAP, null);
        train = annotate(FixtureCorpus.documents(30, 1), preprocessor);
        dev = annotate(FixtureCorpus.documents(8, 2), preprocessor);
        outcome = new EventTrainer(CONFIG, TrainingMonitor.SILENT).train(train, dev, 2);
    }

    static List<AnnotatedText> annotate(List<Document> docs, Preprocessor preprocessor) {
        List<AnnotatedText> out = new ArrayList<>();
        docs.forEach(d -> out.add(new AnnotatedText(d, preprocessor.process(d.content()))));
        return out;
    }

    static List<Document> tag(EventModel model, List<AnnotatedText> texts) {
        return texts.stream().map(model::extract).toList();
    }

    @Test
    void learnsTriggersAndArgumentsWellAboveChance() {
        EventScorer.Scores s = EventScorer.score(dev.stream().map(AnnotatedText::document).toList(),
                tag(outcome.model(), dev));
        assertTrue(s.trigC().f1() > 0.8, "Trig-C F1 " + s.trigC().f1());
        assertTrue(s.argC().f1() > 0.5, "Arg-C F1 " + s.argC().f1());
    }

    @Test
    void savedAndLoadedModelPredictsIdentically(@TempDir Path dir) throws Exception {
        Path bundle = dir.resolve("model.zip");
        ModelBundle.save(outcome.model(), java.util.Map.of("test", true), bundle);
        EventModel loaded = ModelBundle.load(bundle).model();
        // A loaded model predicts with padding-free networks (PaddingFreeGraph), as the trained one does for inference.
        assertEquals(tag(outcome.model().forInference(), dev), tag(loaded, dev));
    }

    /** Articles tagged together, their sentences sharing batches on two threads, get the events each gets alone. */
    @Test
    void taggingManyArticlesTogetherGivesEachArticlesOwnEvents(@TempDir Path dir) throws Exception {
        Path bundle = dir.resolve("model.zip");
        ModelBundle.save(outcome.model(), java.util.Map.of("test", true), bundle);
        EventModel loaded = ModelBundle.load(bundle).model();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            assertEquals(tag(loaded, dev), loaded.extractAll(dev, pool));
            assertEquals(tag(loaded, dev), loaded.extractAll(dev, null));
        } finally {
            pool.shutdownNow();
        }
    }

    /** The same seed gives bit-identical weights, whether the two networks train side by side (2 threads) or in turn (1). */
    @Test
    void sameSeedGivesBitIdenticalWeightsWithOneThreadOrTwo() {
        EventTrainer.Outcome again = new EventTrainer(CONFIG, TrainingMonitor.SILENT).train(train, dev, 1);
        assertArrayEquals(CheckpointResumeTest.weights(outcome.model().triggerTagger().network()),
                CheckpointResumeTest.weights(again.model().triggerTagger().network()));
        assertArrayEquals(CheckpointResumeTest.weights(outcome.model().argumentTagger().network()),
                CheckpointResumeTest.weights(again.model().argumentTagger().network()));
        assertEquals(tag(outcome.model(), dev), tag(again.model(), dev));
        assertEquals(outcome.trigger().epochs().stream().map(EpochLog::devF1).toList(),
                again.trigger().epochs().stream().map(EpochLog::devF1).toList(), "identical dev scores, epoch by epoch");
    }
}
