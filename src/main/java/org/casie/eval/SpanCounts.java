package org.casie.eval;

/**
 * Gold, predicted and correct counts for one metric. Precision, recall and F1 are fractions; each is 0
 * when undefined (nothing predicted, nothing in gold), never NaN or -1.
 */
public record SpanCounts(int gold, int predicted, int correct) {

    public static final SpanCounts ZERO = new SpanCounts(0, 0, 0);

    public double precision() {
        return predicted == 0 ? 0 : (double) correct / predicted;
    }

    public double recall() {
        return gold == 0 ? 0 : (double) correct / gold;
    }

    public double f1() {
        double p = precision(), r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public SpanCounts plus(SpanCounts o) {
        return new SpanCounts(gold + o.gold, predicted + o.predicted, correct + o.correct);
    }
}
