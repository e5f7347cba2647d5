package org.casie.eval;

import java.util.EnumMap;
import java.util.Map;

/**
 * One document's counts, kept apart so confidence intervals can resample documents.
 *
 * @param realisCorrect  Trig-C matches whose realis agrees
 * @param realisTotal    Trig-C matches
 */
public record DocumentScore(String id, Map<Metric, SpanCounts> counts, int realisCorrect, int realisTotal) {

    public DocumentScore {
        counts = new EnumMap<>(counts);
    }

    public SpanCounts get(Metric m) {
        return counts.getOrDefault(m, SpanCounts.ZERO);
    }
}
