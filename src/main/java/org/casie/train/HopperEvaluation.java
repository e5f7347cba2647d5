package org.casie.train;

import org.casie.corpus.Document;
import org.casie.coref.HopperGrouping;
import org.casie.coref.SubtypeGrouping;
import org.casie.eval.CoreferenceScorer;
import org.casie.eval.HopperScoreTable;
import org.casie.examples.AnnotatedText;

import java.util.ArrayList;
import java.util.List;

/**
 * Hopper scores at a glance: on gold mentions (gold triggers and arguments, clustered by the model) and on
 * predicted mentions, each for the subtype baseline and for the model's hopper classifier.
 */
public final class HopperEvaluation {

    public static final String GOLD_BASELINE = "gold mentions, subtype baseline";
    public static final String GOLD_LEARNED = "gold mentions, hopper classifier";
    public static final String PREDICTED_BASELINE = "predicted mentions, subtype baseline";
    public static final String PREDICTED_LEARNED = "predicted mentions, hopper classifier";

    private HopperEvaluation() {
    }

    /**
     * @param grouping  the model's grouping (the learned rows are left out when it is the baseline itself)
     * @param predicted the model's output for {@code gold}, grouped by {@code grouping}; {@code null} for gold
     *                  mentions only
     */
    public static HopperScoreTable table(HopperGrouping grouping, List<AnnotatedText> gold, List<Document> predicted) {
        List<Document> key = gold.stream().map(AnnotatedText::document).toList();
        boolean learned = grouping != SubtypeGrouping.INSTANCE;
        HopperScoreTable table = new HopperScoreTable();
        table.add(GOLD_BASELINE, CoreferenceScorer.score(key, regroup(SubtypeGrouping.INSTANCE, key, gold)));
        if (learned) {
            table.add(GOLD_LEARNED, CoreferenceScorer.score(key, regroup(grouping, key, gold)));
        }
        if (predicted != null) {
            table.add(PREDICTED_BASELINE, CoreferenceScorer.score(key, regroup(SubtypeGrouping.INSTANCE, predicted, gold)));
            if (learned) {
                table.add(PREDICTED_LEARNED, CoreferenceScorer.score(key, predicted));
            }
        }
        return table;
    }

    private static List<Document> regroup(HopperGrouping grouping, List<Document> docs, List<AnnotatedText> texts) {
        List<Document> out = new ArrayList<>(docs.size());
        for (int i = 0; i < docs.size(); i++) {
            out.add(grouping.regroup(docs.get(i), texts.get(i).tokens()));
        }
        return out;
    }
}
