package org.casie.train;

import org.casie.coref.HopperClustering;

import java.util.List;

/**
 * Hyperparameters of the hopper classifier (mention-pair network and clustering).
 *
 * @param hidden       width of each hidden ReLU layer
 * @param dropout      dropout before the second hidden layer and the output (probability of dropping)
 * @param learningRate Adam learning rate
 * @param l2           L2 weight decay
 * @param batchSize    pairs per minibatch
 * @param maxEpochs    epoch limit; without a dev set, exactly this many run
 * @param patience     epochs without a better dev CoNLL F1 before stopping
 * @param clustering   the clustering used without a dev set (with one, both are tuned and the better kept)
 * @param threshold    the link threshold used without a dev set (with one, it is tuned on dev CoNLL F1)
 */
public record HopperConfig(List<Integer> hidden, double dropout, double learningRate, double l2, int batchSize,
                           int maxEpochs, int patience, HopperClustering clustering, double threshold) {

    public HopperConfig {
        hidden = List.copyOf(hidden);
    }

    /** Best-first at 0.55 was the best decision on dev (gold mentions) for most seeds; see README. */
    public static HopperConfig defaults() {
        return new HopperConfig(List.of(64, 32), 0.2, 1e-3, 1e-5, 64, 30, 5, HopperClustering.BEST_FIRST, 0.55);
    }

    public HopperConfig withEpochs(int epochs) {
        return new HopperConfig(hidden, dropout, learningRate, l2, batchSize, epochs, patience, clustering, threshold);
    }

    public HopperConfig withDecision(HopperClustering newClustering, double newThreshold) {
        return new HopperConfig(hidden, dropout, learningRate, l2, batchSize, maxEpochs, patience, newClustering,
                newThreshold);
    }
}
