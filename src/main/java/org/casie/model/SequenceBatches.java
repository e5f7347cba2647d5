package org.casie.model;

import org.casie.examples.SequenceFeatures;
import org.casie.examples.TaggingExample;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Packs token sequences into ND4J arrays ({@code [batch, channels, time]}, padded to the batch's longest
 * sequence, with masks). Batches group sequences of similar length so little time is spent on padding.
 */
public final class SequenceBatches {

    private SequenceBatches() {
    }

    /** Model inputs and their masks for a batch of sequences. */
    public record Inputs(INDArray[] features, INDArray[] masks) {
    }

    public static Inputs inputs(List<SequenceFeatures> batch) {
        int b = batch.size();
        int t = batch.stream().mapToInt(SequenceFeatures::length).max().orElse(1);
        int d = batch.get(0).dense().length == 0 ? 0 : batch.get(0).dense()[0].length;
        float[] words = new float[b * t], prefixes = new float[b * t], suffixes = new float[b * t];
        float[] dense = new float[b * d * t];
        float[] mask = new float[b * t];
        for (int i = 0; i < b; i++) {
            SequenceFeatures f = batch.get(i);
            for (int j = 0; j < f.length(); j++) {
                words[i * t + j] = f.words()[j];
                prefixes[i * t + j] = f.prefixes()[j];
                suffixes[i * t + j] = f.suffixes()[j];
                mask[i * t + j] = 1;
                float[] v = f.dense()[j];
                for (int k = 0; k < d; k++) {
                    dense[(i * d + k) * t + j] = v[k];
                }
            }
        }
        INDArray m = Nd4j.create(mask, new long[] {b, t}, DataType.FLOAT);
        List<INDArray> features = new ArrayList<>(List.of(
            Nd4j.create(words, new long[] {b, 1, t}, DataType.FLOAT),
            Nd4j.create(prefixes, new long[] {b, 1, t}, DataType.FLOAT),
            Nd4j.create(suffixes, new long[] {b, 1, t}, DataType.FLOAT),
            Nd4j.create(dense, new long[] {b, d, t}, DataType.FLOAT)));
        if (batch.get(0).context() != null) {
            features.add(context(batch, t));
        }
        INDArray[] masks = new INDArray[features.size()];
        java.util.Arrays.fill(masks, m);
        return new Inputs(features.toArray(new INDArray[0]), masks);
    }

    /** The contextual vectors of a batch, {@code [batch, dim, time]}. */
    private static INDArray context(List<SequenceFeatures> batch, int t) {
        int dim = batch.get(0).context().dimension();
        float[] data = new float[batch.size() * dim * t];
        for (int i = 0; i < batch.size(); i++) {
            SequenceFeatures f = batch.get(i);
            for (int j = 0; j < f.length(); j++) {
                for (int k = 0; k < dim; k++) {
                    data[(i * dim + k) * t + j] = f.context().get(f.contextFrom() + j, k);
                }
            }
        }
        return Nd4j.create(data, new long[] {batch.size(), dim, t}, DataType.FLOAT);
    }

    public static MultiDataSet dataSet(List<TaggingExample> batch, List<HeadSpec> heads) {
        List<SequenceFeatures> features = new ArrayList<>(batch.size());
        batch.forEach(e -> features.add(e.features()));
        Inputs in = inputs(features);
        int b = batch.size();
        int t = (int) in.features()[0].size(2);
        INDArray[] labels = new INDArray[heads.size()];
        INDArray[] labelMasks = new INDArray[heads.size()];
        for (int h = 0; h < heads.size(); h++) {
            int c = heads.get(h).classes();
            float[] y = new float[b * c * t];
            float[] m = new float[b * t];
            for (int i = 0; i < b; i++) {
                int[] l = batch.get(i).labels()[h];
                for (int j = 0; j < l.length; j++) {
                    if (l[j] >= 0) {
                        y[(i * c + l[j]) * t + j] = 1;
                        m[i * t + j] = 1;
                    }
                }
            }
            labels[h] = Nd4j.create(y, new long[] {b, c, t}, DataType.FLOAT);
            labelMasks[h] = Nd4j.create(m, new long[] {b, t}, DataType.FLOAT);
        }
        return new MultiDataSet(in.features(), labels, in.masks(), labelMasks);
    }

    /**
     * Splits examples into batches of about {@code size} sequences of similar length, in an order drawn
     * from {@code random} (deterministic for a seed).
     */
    public static <E> List<List<E>> lengthBuckets(List<E> items, java.util.function.ToIntFunction<E> length,
                                                  int size, Random random) {
        List<E> shuffled = new ArrayList<>(items);
        java.util.Collections.shuffle(shuffled, random);
        // Stable sort after shuffling: similar lengths together, random order among equals.
        shuffled.sort(Comparator.comparingInt(length));
        List<List<E>> batches = new ArrayList<>();
        for (int i = 0; i < shuffled.size(); i += size) {
            batches.add(new ArrayList<>(shuffled.subList(i, Math.min(shuffled.size(), i + size))));
        }
        java.util.Collections.shuffle(batches, random);
        return batches;
    }

    /**
     * Per-head probabilities {@code [head][sequence][time][class]}, trimmed to each sequence's length. The
     * {@link StageClock} counts building the arrays as features and the network's own run as the network. Safe to
     * call from many threads at once (no lock).
     */
    public static float[][][][] predict(List<ComputationGraph> nets,
                                        List<SequenceFeatures> batch) {
        float[][][][] sum = predict(nets.get(0), batch);
        if (nets.size() == 1) {
            return sum;
        }
        // An ensemble: the members' probabilities averaged (same heads and classes, checked when loading).
        for (int m = 1; m < nets.size(); m++) {
            float[][][][] p = predict(nets.get(m), batch);
            for (int h = 0; h < sum.length; h++) {
                for (int i = 0; i < sum[h].length; i++) {
                    for (int t = 0; t < sum[h][i].length; t++) {
                        for (int c = 0; c < sum[h][i][t].length; c++) {
                            sum[h][i][t][c] += p[h][i][t][c];
                        }
                    }
                }
            }
        }
        float scale = 1f / nets.size();
        for (float[][][] head : sum) {
            for (float[][] sequence : head) {
                for (float[] token : sequence) {
                    for (int c = 0; c < token.length; c++) {
                        token[c] *= scale;
                    }
                }
            }
        }
        return sum;
    }

    /** One network's probabilities, as {@link #predict(List, List)}. */
    public static float[][][][] predict(ComputationGraph net, List<SequenceFeatures> batch) {
        long clock = StageClock.start();
        Inputs in = inputs(batch);
        StageClock.stop(StageClock.Stage.FEATURES, clock);
        // A ComputationGraph keeps per-call state: each thread runs its own replica over the shared weights.
        ComputationGraph replica = NetworkReplicas.of(net);
        clock = StageClock.start();
        INDArray[] out = replica.output(false, in.features(), in.masks());
        StageClock.stop(StageClock.Stage.NETWORK, clock);
        clock = StageClock.start();
        float[][][][] probs = new float[out.length][batch.size()][][];
        for (int h = 0; h < out.length; h++) {
            INDArray o = out[h];
            int c = (int) o.size(1);
            int t = (int) o.size(2);
            float[] flat = o.dup('c').data().asFloat();
            for (int i = 0; i < batch.size(); i++) {
                int len = batch.get(i).length();
                float[][] p = new float[len][c];
                for (int j = 0; j < len; j++) {
                    for (int k = 0; k < c; k++) {
                        p[j][k] = flat[(i * c + k) * t + j];
                    }
                }
                probs[h][i] = p;
            }
        }
        StageClock.stop(StageClock.Stage.DECODING, clock); // reading the probabilities out is part of decoding
        return probs;
    }
}
