package org.casie.train;

import org.casie.examples.TaggingExample;
import org.casie.model.HeadSpec;
import org.casie.model.SequenceBatches;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.ToDoubleFunction;

/**
 * Fits one tagger network with minibatches and early stopping: after every epoch the dev F1 is measured,
 * the best weights are kept, and training stops after {@code patience} epochs without improvement.
 * Every epoch starts from random state drawn from (seed, epoch) alone, and its end is checkpointed when
 * checkpoints are given, so a run resumed after epoch k continues exactly as the uninterrupted run did.
 */
final class TaskTrainer {

    /** The outcome: best dev F1, its epoch, and the log of every epoch. */
    record Result(double bestF1, int bestEpoch, List<EpochLog> epochs) {
    }

    private final String task;
    private final ComputationGraph net;
    private final List<HeadSpec> heads;
    private final TrainingMonitor monitor;
    private final Checkpoints checkpoints;
    private final BooleanSupplier cancelled;

    /**
     * @param checkpoints where to save each completed epoch and resume from, or {@code null}
     * @param cancelled   polled between minibatches: the other network failed, stop
     */
    TaskTrainer(String task, ComputationGraph net, List<HeadSpec> heads, TrainingMonitor monitor, Checkpoints checkpoints,
                BooleanSupplier cancelled) {
        this.task = task;
        this.net = net;
        this.heads = heads;
        this.monitor = monitor;
        this.checkpoints = checkpoints;
        this.cancelled = cancelled;
    }

    /** The seed of epoch {@code epoch}'s batch order and dropout masks: independent of what ran before. */
    static long epochSeed(long seed, int epoch) {
        long z = seed * 0x9E3779B97F4A7C15L + epoch;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Whether an example has nothing to find: every label of its first head is {@code O} (or ignored). */
    static boolean negative(TaggingExample e) {
        for (int label : e.labels()[0]) {
            if (label > 0) {
                return false;
            }
        }
        return true;
    }

    /** The examples of one epoch: every positive one, and each negative one with probability {@code keep}. */
    static List<TaggingExample> sample(List<TaggingExample> examples, double keep, Random random) {
        if (keep >= 1) {
            return examples;
        }
        List<TaggingExample> kept = new ArrayList<>();
        for (TaggingExample e : examples) {
            // One draw per example whatever its kind, so the sample depends on the epoch seed alone.
            boolean draw = random.nextDouble() < keep;
            if (draw || !negative(e)) {
                kept.add(e);
            }
        }
        return kept;
    }

    /**
     * @param averaging    decay of the weight average that is scored and kept instead of the raw weights
     *                     (see {@link WeightAverage}); 0 keeps the raw weights
     * @param negativeKeep share of the examples with nothing to find that each epoch trains on (a fresh
     *                     random share every epoch; 1: all of them)
     * @param devF1        scores the network in its current state on dev (0-100); {@code null} when there is no
     *                     dev set: all {@code maxEpochs} run and the last weights are kept
     */
    Result fit(List<TaggingExample> examples, int batchSize, int maxEpochs, int patience, long seed, double averaging,
               double negativeKeep, ToDoubleFunction<ComputationGraph> devF1) {
        INDArray best = null;
        WeightAverage average = averaging > 0 ? WeightAverage.startingAt(net.params(), averaging) : null;
        double bestF1 = -1;
        int bestEpoch = 0;
        int done = 0;
        List<EpochLog> log = new ArrayList<>();
        Optional<Checkpoints.TaskState> saved = checkpoints == null ? Optional.empty() : checkpoints.load(task);
        if (saved.isPresent()) {
            Checkpoints.TaskState s = saved.get();
            s.restoreInto(net, "checkpoint " + checkpoints.file(task));
            best = s.best();
            bestF1 = s.bestF1();
            bestEpoch = s.bestEpoch();
            done = s.epoch();
            log.addAll(s.epochs());
            long batchesDone = s.iterations(); // one iteration per minibatch
            if (average != null) {
                if (s.average() == null) {
                    throw new CheckpointException("checkpoint " + checkpoints.file(task) + ": holds no weight average");
                }
                average = WeightAverage.resumed(s.average(), averaging, batchesDone);
            }
            monitor.resumed(task, done, batchesDone);
            monitor.message(task + ": resumed after epoch " + done + (s.finished() ? " (finished)" : "")
                    + (devF1 == null ? "" : String.format(", best dev F1 %.1f at epoch %d", bestF1, bestEpoch)));
            if (s.finished()) {
                keep(best, average, devF1 != null);
                return new Result(bestF1, bestEpoch, log);
            }
        }
        for (int epoch = done + 1; epoch <= maxEpochs; epoch++) {
            long start = System.nanoTime();
            Random random = new Random(epochSeed(seed, epoch));
            Nd4j.getRandom().setSeed(epochSeed(seed, epoch));
            double lossSum = 0;
            int batches = 0;
            for (List<TaggingExample> batch : SequenceBatches.lengthBuckets(sample(examples, negativeKeep, random), e -> e.features().length(),
                    batchSize, random)) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException(task + " training stopped: the other network failed");
                }
                net.fit(SequenceBatches.dataSet(batch, heads));
                if (average != null) {
                    average.update(net.params());
                }
                double loss = net.score();
                lossSum += loss;
                batches++;
                monitor.batchDone(task, loss);
            }
            double f1 = devF1 == null ? Double.NaN : score(devF1, average);
            boolean improved = devF1 == null || f1 > bestF1;
            if (improved) {
                bestF1 = f1;
                bestEpoch = epoch;
                best = devF1 == null ? null : (average == null ? net.params() : average.weights()).dup();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            log.add(new EpochLog(task, epoch, lossSum / Math.max(1, batches), f1, seconds));
            boolean stop = devF1 != null && epoch - bestEpoch >= patience;
            if (checkpoints != null) {
                checkpoints.save(Checkpoints.TaskState.of(task, net, epoch, bestF1, bestEpoch, stop || epoch == maxEpochs,
                        log, best, average == null ? null : average.weights()));
            }
            monitor.epochDone(task, epoch, lossSum / Math.max(1, batches), f1, improved);
            if (stop) {
                break;
            }
        }
        keep(best, average, devF1 != null);
        return new Result(bestF1, bestEpoch, log);
    }

    /** Dev F1 of the weights that would be kept: the average when there is one, the raw weights otherwise. */
    private double score(ToDoubleFunction<ComputationGraph> devF1, WeightAverage average) {
        if (average == null) {
            return devF1.applyAsDouble(net);
        }
        INDArray raw = net.params().dup();
        net.setParams(average.weights());
        try {
            return devF1.applyAsDouble(net);
        } finally {
            net.setParams(raw);
        }
    }

    /** Leaves the network holding the best scored weights, or without dev the last (averaged) ones. */
    private void keep(INDArray best, WeightAverage average, boolean scored) {
        if (scored && best != null) {
            net.setParams(best);
        } else if (!scored && average != null) {
            net.setParams(average.weights());
        }
    }
}
