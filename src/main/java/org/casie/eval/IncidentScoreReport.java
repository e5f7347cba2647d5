package org.casie.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Article-level scores beside the span metrics: document-level role fillers of the span output and of the incident
 * records (each {@code null} when not computed), and primary victim accuracy with its first-ORGANIZATION baseline.
 */
public record IncidentScoreReport(FillerScorer.Scores spans, FillerScorer.Scores records, PrimaryVictimScorer.Result primaryVictim) {

    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-34s %7s %7s %7s %7s %7s %7s%n", "Document-level role fillers", "gold", "pred",
                "correct", "P", "R", "F1"));
        row(sb, "span output, exact", spans == null ? null : spans.exact());
        row(sb, "span output, head", spans == null ? null : spans.head());
        row(sb, "records, exact", records == null ? null : records.exact());
        row(sb, "records, head", records == null ? null : records.head());
        if (primaryVictim != null) {
            sb.append(String.format("Primary victim accuracy            %5.1f%% (%d of %d articles); first ORGANIZATION baseline %5.1f%% (%d)%n",
                    primaryVictim.accuracy() * 100, primaryVictim.correct(), primaryVictim.articles(),
                    primaryVictim.baselineAccuracy() * 100, primaryVictim.baselineCorrect()));
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String label, FillerScorer.Counts c) {
        if (c == null) {
            return;
        }
        sb.append(String.format("  %-32s %7d %7d %7d %7.1f %7.1f %7.1f%n", label, c.gold(), c.predicted(), c.correct(),
                c.precision() * 100, c.recall() * 100, c.f1() * 100));
    }

    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (spans != null) {
            m.put("documentFillersSpans", spans.asMap());
        }
        if (records != null) {
            m.put("documentFillersRecords", records.asMap());
        }
        if (primaryVictim != null) {
            m.put("primaryVictim", primaryVictim.asMap());
        }
        return m;
    }
}
