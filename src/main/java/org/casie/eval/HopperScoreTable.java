package org.casie.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hopper scores of several clusterings side by side (e.g. gold vs predicted mentions, baseline vs learned). */
public final class HopperScoreTable {

    /** One row: what was clustered how, and its scores. */
    public record Row(String label, CoreferenceScorer.Scores scores) {
    }

    private final List<Row> rows = new ArrayList<>();

    public HopperScoreTable add(String label, CoreferenceScorer.Scores scores) {
        rows.add(new Row(label, scores));
        return this;
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** An aligned table of F1 per metric and CoNLL F1, one line per row. */
    public String text() {
        int width = Math.max(36, rows.stream().mapToInt(r -> r.label().length()).max().orElse(0) + 2);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-" + width + "s %7s %7s %7s %7s%n", "Hoppers (F1)", "MUC", "B3", "CEAF-e", "CoNLL"));
        for (Row r : rows) {
            CoreferenceScorer.Scores s = r.scores();
            sb.append(String.format("%-" + width + "s %7.1f %7.1f %7.1f %7.1f%n", r.label(), s.muc().f1() * 100,
                    s.bCubed().f1() * 100, s.ceafE().f1() * 100, s.conllF1() * 100));
        }
        return sb.toString();
    }

    /** Per row: precision, recall and F1 (0-100, one decimal) of each metric, and CoNLL F1. */
    public Map<String, Object> asMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("MUC", prf(r.scores().muc()));
            m.put("B3", prf(r.scores().bCubed()));
            m.put("CEAF-e", prf(r.scores().ceafE()));
            m.put("CoNLL-F1", round(r.scores().conllF1()));
            out.put(r.label(), m);
        }
        return out;
    }

    private static Map<String, Object> prf(CoreferenceScorer.Score s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("precision", round(s.precision()));
        m.put("recall", round(s.recall()));
        m.put("f1", round(s.f1()));
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 10.0;
    }
}
