package org.casie.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An exponential moving average of a network's weights, updated after every minibatch. Dev F1 of the raw
 * weights swings by several points between epochs (Adam at a high learning rate); the average follows
 * the same path with the noise smoothed out, so it is what gets scored and kept.
 * The decay ramps up from 0 ({@code min(decay, (1 + n) / (10 + n))} at update n) so that the random
 * initial weights are forgotten within the first few hundred minibatches.
 */
final class WeightAverage {

    private final double decay;
    private final INDArray average;
    private long updates;

    private WeightAverage(double decay, INDArray average, long updates) {
        this.decay = decay;
        this.average = average;
        this.updates = updates;
    }

    /** Starts from the network's current weights. */
    static WeightAverage startingAt(INDArray params, double decay) {
        return new WeightAverage(decay, params.dup(), 0);
    }

    /** Continues a saved average (a resumed run) after {@code updates} minibatches. */
    static WeightAverage resumed(INDArray saved, double decay, long updates) {
        return new WeightAverage(decay, saved.dup(), updates);
    }

    /** Folds in the weights after one more minibatch, without allocating. */
    void update(INDArray params) {
        double d = Math.min(decay, (1.0 + updates) / (10.0 + updates));
        updates++;
        average.muli(d);
        Nd4j.getBlasWrapper().level1().axpy(average.length(), 1 - d, params, average);
    }

    INDArray weights() {
        return average;
    }
}
