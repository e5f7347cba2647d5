package org.casie.eval;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Uncertainty by resampling documents with replacement (documents, not spans, are the independent units).
 * Deterministic for a seed.
 */
public final class Bootstrap {

    /** A 95% percentile interval of F1, in [0, 1]. */
    public record Interval(double low, double high) {
    }

    private final int samples;
    private final long seed;

    public Bootstrap(int samples, long seed) {
        this.samples = samples;
        this.seed = seed;
    }

    public Interval f1Interval(List<DocumentScore> docs, Metric metric) {
        if (docs.isEmpty()) {
            return new Interval(0, 0);
        }
        Random random = new Random(seed);
        double[] f1 = new double[samples];
        for (int s = 0; s < samples; s++) {
            SpanCounts sum = SpanCounts.ZERO;
            for (int i = 0; i < docs.size(); i++) {
                sum = sum.plus(docs.get(random.nextInt(docs.size())).get(metric));
            }
            f1[s] = sum.f1();
        }
        Arrays.sort(f1);
        return new Interval(f1[(int) Math.floor(0.025 * (samples - 1))], f1[(int) Math.ceil(0.975 * (samples - 1))]);
    }

    /**
     * Paired bootstrap test: how often, over resamples of the same documents, system B fails to beat A by
     * at least the observed F1 margin's sign (a two-sided p-value for "the two systems differ").
     */
    public double pairedPValue(List<DocumentScore> a, List<DocumentScore> b, Metric metric) {
        if (a.size() != b.size()) {
            throw new IllegalArgumentException("paired test needs the same documents");
        }
        if (a.isEmpty()) {
            return 1;
        }
        double observed = total(b, metric).f1() - total(a, metric).f1();
        Random random = new Random(seed);
        int opposite = 0;
        for (int s = 0; s < samples; s++) {
            SpanCounts sa = SpanCounts.ZERO, sb = SpanCounts.ZERO;
            for (int i = 0; i < a.size(); i++) {
                int pick = random.nextInt(a.size());
                sa = sa.plus(a.get(pick).get(metric));
                sb = sb.plus(b.get(pick).get(metric));
            }
            double delta = sb.f1() - sa.f1();
            if (observed >= 0 ? delta <= 0 : delta >= 0) {
                opposite++;
            }
        }
        return Math.min(1.0, 2.0 * (opposite + 1) / (samples + 1));
    }

    static SpanCounts total(List<DocumentScore> docs, Metric metric) {
        SpanCounts sum = SpanCounts.ZERO;
        for (DocumentScore d : docs) {
            sum = sum.plus(d.get(metric));
        }
        return sum;
    }
}
