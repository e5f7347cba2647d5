package org.casie.train;

import org.casie.corpus.Document;
import org.casie.eval.CoreferenceScorer;
import org.casie.eval.EventScorer;
import org.casie.eval.HopperScoreTable;
import org.casie.eval.SpanCounts;
import org.casie.examples.AnnotatedText;
import org.casie.model.EventModel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tags gold documents with a model and scores them end to end, plus arguments given gold triggers and hoppers
 * given gold mentions: the one prediction-and-scoring path of {@code evaluate}, dev scoring after
 * {@code train}, and {@code ensemble}.
 */
public final class DevEvaluation {

    private DevEvaluation() {
    }

    /**
     * @param predicted    the model's documents, in the order of {@code gold}
     * @param events       scores of {@code predicted} against {@code gold}
     * @param goldTriggers argument scores when the argument tagger is given the gold triggers
     * @param hoppers      the hopper table to print
     */
    public record Result(List<Document> gold, List<Document> predicted, EventScorer.Scores events,
                         EventScorer.Scores goldTriggers, CoreferenceScorer.Scores coreference, HopperScoreTable hoppers) {

        /** The scores recorded in provenance (empty for no documents). */
        public Map<String, Object> scores() {
            Map<String, Object> out = new LinkedHashMap<>();
            if (gold.isEmpty()) {
                return out;
            }
            out.put("documents", gold.size());
            out.put("trigI", f1(events.trigI()));
            out.put("trigC", f1(events.trigC()));
            out.put("argI", f1(events.argI()));
            out.put("argC", f1(events.argC()));
            out.put("argCPlus", f1(events.argCPlus()));
            out.put("realisAccuracy", round(events.realisAccuracy() * 100));
            out.put("hopperConllF1", round(coreference.conllF1() * 100));
            out.put("argCGoldTriggers", f1(goldTriggers.argC()));
            out.put("hoppers", hoppers.asMap());
            return out;
        }
    }

    /** The model's documents for {@code texts}, in order. */
    public static List<Document> predict(EventModel model, List<AnnotatedText> texts) {
        return model.extractAll(texts, null);
    }

    public static Result evaluate(EventModel model, List<AnnotatedText> dev) {
        List<Document> gold = dev.stream().map(AnnotatedText::document).toList();
        if (dev.isEmpty()) {
            EventScorer.Scores none = EventScorer.score(gold, List.of());
            return new Result(gold, List.of(), none, none, CoreferenceScorer.score(gold, List.of()),
                    new HopperScoreTable());
        }
        List<Document> predicted = predict(model, dev);
        return new Result(gold, predicted, EventScorer.score(gold, predicted),
                EventScorer.score(gold, EventTrainer.tagArgumentsOfGold(model.argumentTagger(), dev)),
                CoreferenceScorer.score(gold, predicted), HopperEvaluation.table(model.hopperGrouping(), dev, predicted));
    }

    private static Map<String, Double> f1(SpanCounts c) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("precision", round(c.precision() * 100));
        m.put("recall", round(c.recall() * 100));
        m.put("f1", round(c.f1() * 100));
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
