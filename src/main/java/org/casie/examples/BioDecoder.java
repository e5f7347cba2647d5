package org.casie.examples;

import java.util.ArrayList;
import java.util.List;

/**
 * Constrained Viterbi over per-token label probabilities: the best label sequence in which every
 * {@code I-c} follows {@code B-c} or {@code I-c}, so every decoded span is well formed. A stray
 * {@code I-} can never be emitted, rather than being silently dropped after an argmax.
 */
public final class BioDecoder {

    private static final double FLOOR = 1e-9;

    private final BioLabels labels;

    public BioDecoder(BioLabels labels) {
        this.labels = labels;
    }

    /** @param probs {@code probs[t][label]} for {@code t} in {@code [0, length)} */
    public List<LabeledSpan> decode(float[][] probs) {
        return decode(probs, null);
    }

    /**
     * @param allowedClasses classes that may be emitted, or {@code null} for all (e.g. only the roles a subtype takes)
     */
    public List<LabeledSpan> decode(float[][] probs, boolean[] allowedClasses) {
        int n = probs.length;
        int k = labels.size();
        if (n == 0) {
            return List.of();
        }
        double[][] score = new double[n][k];
        int[][] back = new int[n][k];
        for (int t = 0; t < n; t++) {
            for (int j = 0; j < k; j++) {
                boolean permitted = j == 0 || allowedClasses == null || allowedClasses[labels.classOf(j)];
                double emit = permitted ? Math.log(Math.max(probs[t][j], FLOOR)) : Double.NEGATIVE_INFINITY;
                if (t == 0) {
                    score[t][j] = labels.isInside(j) ? Double.NEGATIVE_INFINITY : emit;
                    continue;
                }
                double best = Double.NEGATIVE_INFINITY;
                int arg = 0;
                for (int i = 0; i < k; i++) {
                    if (labels.allowed(i, j) && score[t - 1][i] > best) {
                        best = score[t - 1][i];
                        arg = i;
                    }
                }
                score[t][j] = best + emit;
                back[t][j] = arg;
            }
        }
        int[] path = new int[n];
        double best = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            if (score[n - 1][j] > best) {
                best = score[n - 1][j];
                path[n - 1] = j;
            }
        }
        for (int t = n - 1; t > 0; t--) {
            path[t - 1] = back[t][path[t]];
        }
        return spans(path, probs);
    }

    /** Reads spans off a valid label path. */
    List<LabeledSpan> spans(int[] path, float[][] probs) {
        List<LabeledSpan> out = new ArrayList<>();
        int t = 0;
        while (t < path.length) {
            if (!labels.isBegin(path[t])) {
                t++;
                continue;
            }
            int cls = labels.classOf(path[t]);
            int end = t + 1;
            while (end < path.length && path[end] == labels.inside(cls)) {
                end++;
            }
            double sum = 0;
            for (int i = t; i < end; i++) {
                sum += probs[i][path[i]];
            }
            out.add(new LabeledSpan(new TokenSpan(t, end), cls, sum / (end - t)));
            t = end;
        }
        return out;
    }
}
