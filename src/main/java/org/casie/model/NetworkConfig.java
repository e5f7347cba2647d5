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

    public static NetworkConfig defaults() {
        return new NetworkConfig(50, 20, 128, 1, 0.5, 5e-3, 1e-5);
    }
}
