package org.casie.train;

import org.casie.examples.TaggingExample;
import org.casie.model.HeadSpec;
import org.casie.model.SequenceBatches;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/**
 * Fits one tagger network with minibatches and early stopping: after every epoch the dev F1 is measured,
 * the best weights are kept, and training stops after {@code patience} epochs without improvement.
 */
final class TaskTrainer {

    /** The outcome: best dev F1, its epoch, and the log of every epoch. */
    record Result(double bestF1, int bestEpoch, List<EpochLog> epochs) {
    }

    private final String task;
    private final ComputationGraph net;
    private final List<HeadSpec> heads;
    private final TrainingMonitor monitor;

    TaskTrainer(String task, ComputationGraph net, List<HeadSpec> heads, TrainingMonitor monitor) {
        this.task = task;
        this.net = net;
        this.heads = heads;
        this.monitor = monitor;
    }

    /**
     * @param devF1 scores the network in its current state on dev (0-100); {@code null} when there is no
     *              dev set: all {@code maxEpochs} run and the last weights are kept
     */
    Result fit(List<TaggingExample> examples, int batchSize, int maxEpochs, int patience, long seed,
               ToDoubleFunction<ComputationGraph> devF1) {
        return fit(examples, batchSize, maxEpochs, patience, seed, Double.NaN, 1.0, devF1);
    }

    /**
     * @param learningRate the rate of the first epoch ({@code NaN}: leave the network's own, constant)
     * @param decay        factor applied to the learning rate after every epoch
     */
    Result fit(List<TaggingExample> examples, int batchSize, int maxEpochs, int patience, long seed,
               double learningRate, double decay, ToDoubleFunction<ComputationGraph> devF1) {
        Random random = new Random(seed);
        Nd4j.getRandom().setSeed(seed);
        INDArray best = null;
        double bestF1 = -1;
        int bestEpoch = 0;
        List<EpochLog> log = new ArrayList<>();
        for (int epoch = 1; epoch <= maxEpochs; epoch++) {
            long start = System.nanoTime();
            if (!Double.isNaN(learningRate) && decay != 1.0) {
                // Set from the epoch number, not accumulated, so the schedule is the same however training got here.
                net.setLearningRate(learningRate * Math.pow(decay, epoch - 1));
            }
            double lossSum = 0;
            int batches = 0;
            for (List<TaggingExample> batch : SequenceBatches.lengthBuckets(examples, e -> e.features().length(),
                    batchSize, random)) {
                net.fit(SequenceBatches.dataSet(batch, heads));
                double loss = net.score();
                lossSum += loss;
                batches++;
                monitor.batchDone(task, loss);
            }
            double f1 = devF1 == null ? Double.NaN : devF1.applyAsDouble(net);
            boolean improved = devF1 == null || f1 > bestF1;
            if (improved) {
                bestF1 = f1;
                bestEpoch = epoch;
                best = devF1 == null ? null : net.params().dup();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            log.add(new EpochLog(task, epoch, lossSum / Math.max(1, batches), f1, seconds));
            monitor.epochDone(task, epoch, lossSum / Math.max(1, batches), f1, improved);
            if (devF1 != null && epoch - bestEpoch >= patience) {
                break;
            }
        }
        if (best != null && devF1 != null) {
            net.setParams(best);
        }
        return new Result(bestF1, bestEpoch, log);
    }
}
