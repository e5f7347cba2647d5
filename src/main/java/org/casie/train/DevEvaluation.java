package org.casie.train;

import org.casie.corpus.Document;
import org.casie.eval.CoreferenceScorer;
import org.casie.eval.EventScorer;
import org.casie.eval.HopperScoreTable;
import org.casie.eval.SpanCounts;
import org.casie.examples.AnnotatedText;
import org.casie.model.EventModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Scores a trained model end to end on dev, plus arguments given gold triggers and hoppers given gold mentions. */
public final class DevEvaluation {

    private DevEvaluation() {
    }

    /** The scores recorded in provenance, and the hopper table to print. */
    public record Result(Map<String, Object> scores, HopperScoreTable hoppers) {
    }

    public static Map<String, Object> scores(EventModel model, List<AnnotatedText> dev) {
        return evaluate(model, dev).scores();
    }

    public static Result evaluate(EventModel model, List<AnnotatedText> dev) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (dev.isEmpty()) {
            return new Result(out, new HopperScoreTable());
        }
        List<Document> gold = dev.stream().map(AnnotatedText::document).toList();
        List<Document> predicted = new ArrayList<>();
        for (AnnotatedText d : dev) {
            predicted.add(model.extract(d));
        }
        EventScorer.Scores s = EventScorer.score(gold, predicted);
        out.put("documents", dev.size());
        out.put("trigI", f1(s.trigI()));
        out.put("trigC", f1(s.trigC()));
        out.put("argI", f1(s.argI()));
        out.put("argC", f1(s.argC()));
        out.put("argCPlus", f1(s.argCPlus()));
        out.put("realisAccuracy", round(s.realisAccuracy() * 100));
        out.put("hopperConllF1", round(CoreferenceScorer.score(gold, predicted).conllF1() * 100));
        out.put("argCGoldTriggers", f1(EventScorer.score(gold,
                EventTrainer.tagArgumentsOfGold(model.argumentTagger(), dev)).argC()));
        HopperScoreTable hoppers = HopperEvaluation.table(model.hopperGrouping(), dev, predicted);
        out.put("hoppers", hoppers.asMap());
        return new Result(out, hoppers);
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
