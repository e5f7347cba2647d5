package org.casie.model;

/**
 * Shape and regularisation of a BiLSTM sequence tagger. Defaults are the best dev figures found.
 *
 * @param wordDim     learned word embedding size
 * @param affixDim    learned prefix/suffix embedding size
 * @param hidden      LSTM units per direction
 * @param layers      stacked BiLSTM layers
 * @param dropout     dropout on the merged input and between layers (probability of dropping)
 * @param learningRate Adam learning rate
 * @param l2          L2 weight decay
 */
public record NetworkConfig(int wordDim, int affixDim, int hidden, int layers, double dropout, double learningRate,
                            double l2) {

    /** Widths past this are typos, not models (and would exhaust the heap building the network). */
    static final int MAX_WIDTH = 4096;

    public NetworkConfig {
        Checks.range("wordDim", wordDim, 1, MAX_WIDTH);
        Checks.range("affixDim", affixDim, 1, MAX_WIDTH);
        Checks.range("hidden", hidden, 1, MAX_WIDTH);
        Checks.range("layers", layers, 1, 8);
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), not " + dropout);
        }
        if (!(learningRate > 0 && learningRate <= 10)) {
            throw new IllegalArgumentException("learningRate must be in (0, 10], not " + learningRate);
        }
        if (!(l2 >= 0 && l2 < 10)) {
            throw new IllegalArgumentException("l2 must be in [0, 10), not " + l2);
        }
    }

    public static NetworkConfig defaults() {
        return new NetworkConfig(50, 20, 128, 1, 0.5, 5e-3, 1e-5);
    }
}
