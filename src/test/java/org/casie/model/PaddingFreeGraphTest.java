package org.casie.model;

import org.casie.examples.SequenceFeatures;
import org.casie.examples.TaggingExample;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PaddingFreeGraphTest {

    private static final List<HeadSpec> HEADS = List.of(new HeadSpec("tags", 5), new HeadSpec("other", 3));

    /** Two stacked BiLSTMs, random weights: the padding-sensitive shape of a real tagger. */
    private static ComputationGraph network() {
        NetworkConfig c = new NetworkConfig(8, 4, 6, 2, 0.5, 1e-3, 0);
        return SequenceNetworkBuilder.build(c, 30, 10, 10, 3, 0, 0, HEADS, 7);
    }

    /** The accurate profile's shape: one BiLSTM over a projection of 12-wide contextual vectors merged in. */
    private static ComputationGraph contextNetwork() {
        return SequenceNetworkBuilder.build(new NetworkConfig(8, 4, 6, 1, 0.3, 1e-3, 1e-5), 30, 10, 10, 3, 12, 5, HEADS, 9);
    }

    private static SequenceFeatures sequence(Random r, int length) {
        int[] words = new int[length], prefixes = new int[length], suffixes = new int[length];
        float[][] dense = new float[length][3];
        for (int t = 0; t < length; t++) {
            words[t] = r.nextInt(30);
            prefixes[t] = r.nextInt(10);
            suffixes[t] = r.nextInt(10);
            for (int k = 0; k < 3; k++) {
                dense[t][k] = r.nextFloat();
            }
        }
        return new SequenceFeatures(words, prefixes, suffixes, dense, null, 0);
    }

    private static float maxDifference(float[][] a, float[][] b) {
        float max = 0;
        for (int t = 0; t < a.length; t++) {
            for (int k = 0; k < a[t].length; k++) {
                max = Math.max(max, Math.abs(a[t][k] - b[t][k]));
            }
        }
        return max;
    }

    @Test
    void aPaddedSequenceGetsTheOutputsItGetsAlone() {
        ComputationGraph net = network();
        ComputationGraph free = PaddingFreeGraph.of(net, SequenceNetworkBuilder.WORDS);
        assertNotSame(net, free);
        Random r = new Random(1);
        List<SequenceFeatures> batch = new ArrayList<>();
        for (int length : new int[] {3, 17, 9, 1}) {
            batch.add(sequence(r, length));
        }
        float[][][][] original = SequenceBatches.predict(net, batch);
        float[][][][] padded = SequenceBatches.predict(free, batch);
        float worstOriginal = 0;
        for (int i = 0; i < batch.size(); i++) {
            float[][][][] alone = SequenceBatches.predict(net, List.of(batch.get(i)));
            float[][][][] aloneFree = SequenceBatches.predict(free, List.of(batch.get(i)));
            for (int h = 0; h < HEADS.size(); h++) {
                // Alone (no padding) both graphs compute the same thing with the same weights.
                assertTrue(maxDifference(alone[h][0], aloneFree[h][0]) < 1e-6f, "alone, head " + h);
                assertTrue(maxDifference(alone[h][0], padded[h][i]) < 1e-5f, "padded, sequence " + i + ", head " + h);
                worstOriginal = Math.max(worstOriginal, maxDifference(alone[h][0], original[h][i]));
            }
        }
        // The reason for it all: DL4J's Bidirectional wrapper lets padding reach the short sequences.
        assertTrue(worstOriginal > 1e-4f, "the original network moved only " + worstOriginal + " with padding");
    }

    private static TaggingExample example(Random r, int length) {
        int[][] labels = new int[HEADS.size()][length];
        for (int h = 0; h < HEADS.size(); h++) {
            for (int t = 0; t < length; t++) {
                labels[h][t] = r.nextInt(HEADS.get(h).classes());
            }
        }
        return new TaggingExample(sequence(r, length), labels);
    }

    private static INDArray gradient(ComputationGraph net, List<TaggingExample> batch) {
        MultiDataSet data = SequenceBatches.dataSet(batch, HEADS);
        net.setInputs(data.getFeatures());
        net.setLabels(data.getLabels());
        net.setLayerMaskArrays(data.getFeaturesMaskArrays(), data.getLabelsMaskArrays());
        net.computeGradientAndScore();
        return net.gradient().gradient().dup();
    }

    @Test
    void aPaddedSequenceGetsTheGradientItGetsAlone() {
        // No dropout: the gradients are compared across calls.
        ComputationGraph net = SequenceNetworkBuilder.build(new NetworkConfig(8, 4, 6, 2, 0, 1e-3, 0), 30, 10, 10, 3,
                0, 0, HEADS, 7);
        ComputationGraph free = PaddingFreeGraph.of(net, SequenceNetworkBuilder.WORDS);
        Random r = new Random(2);
        TaggingExample shortOne = example(r, 4);
        TaggingExample longOne = example(r, 15);
        // Gradients are summed over a batch's sequences (DL4J's updater divides by the batch size).
        INDArray expected = gradient(free, List.of(shortOne)).add(gradient(free, List.of(longOne)));
        INDArray batched = gradient(free, List.of(shortOne, longOne));
        assertTrue(batched.equalsWithEps(expected, 1e-5), "padding-free, max difference "
                + batched.sub(expected).amaxNumber());
        INDArray original = gradient(net, List.of(shortOne, longOne));
        INDArray originalExpected = gradient(net, List.of(shortOne)).add(gradient(net, List.of(longOne)));
        assertTrue(originalExpected.equalsWithEps(expected, 1e-5), "alone, both graphs get the same gradients");
        assertFalse(original.equalsWithEps(originalExpected, 1e-4), "the original network's padding moved nothing");
    }

    @Test
    void withoutPaddingTheTwinTrainsAsTheNetworkDoes() {
        // Same learning rate, L2 and Adam state as the original: two steps on sequences of one length (no padding)
        // leave both with the same weights.
        NetworkConfig c = new NetworkConfig(8, 4, 6, 2, 0, 1e-2, 1e-3);
        ComputationGraph net = SequenceNetworkBuilder.build(c, 30, 10, 10, 3, 0, 0, HEADS, 7);
        ComputationGraph other = SequenceNetworkBuilder.build(c, 30, 10, 10, 3, 0, 0, HEADS, 7);
        ComputationGraph free = PaddingFreeGraph.of(other, SequenceNetworkBuilder.WORDS);
        Random r = new Random(3);
        List<TaggingExample> batch = List.of(example(r, 6), example(r, 6), example(r, 6));
        for (int step = 0; step < 2; step++) {
            net.fit(SequenceBatches.dataSet(batch, HEADS));
            free.fit(SequenceBatches.dataSet(batch, HEADS));
        }
        assertTrue(net.params().equalsWithEps(other.params(), 1e-5), "max difference "
                + net.params().sub(other.params()).amaxNumber());
        assertFalse(net.params().equalsWithEps(
                SequenceNetworkBuilder.build(c, 30, 10, 10, 3, 0, 0, HEADS, 7).params(), 1e-3), "nothing was learned");
        assertEquals(net.getUpdater().getStateViewArray().length(), free.getUpdater().getStateViewArray().length());
        assertTrue(net.getUpdater().getStateViewArray().equalsWithEps(free.getUpdater().getStateViewArray(), 1e-5),
                "the optimizer states are laid out alike");
    }

    @Test
    void withContextualVectorsTheTwinPredictsAsTheNetworkDoes() {
        ComputationGraph net = contextNetwork();
        ComputationGraph free = PaddingFreeGraph.of(net, SequenceNetworkBuilder.WORDS);
        Random r = new Random(4);
        SequenceFeatures plain = sequence(r, 7);
        float[][] vectors = new float[7][12];
        for (float[] v : vectors) {
            for (int k = 0; k < v.length; k++) {
                v[k] = r.nextFloat() - 0.5f;
            }
        }
        SequenceFeatures s = new SequenceFeatures(plain.words(), plain.prefixes(), plain.suffixes(), plain.dense(),
                org.casie.text.bert.ContextVectors.of(vectors, 12), 0);
        // Through the per-thread replicas, as every prediction runs (they copy the twin's own parameter layout).
        float[][][][] expected = SequenceBatches.predict(net, List.of(s));
        float[][][][] actual = SequenceBatches.predict(free, List.of(s));
        for (int h = 0; h < HEADS.size(); h++) {
            assertTrue(maxDifference(expected[h][0], actual[h][0]) < 1e-6f, "head " + h);
        }
    }

    @Test
    void theTwinSharesTheNetworksWeights() {
        ComputationGraph net = contextNetwork();
        ComputationGraph free = PaddingFreeGraph.of(net, SequenceNetworkBuilder.WORDS);
        assertEquals(net.params(), free.params());
        net.params().addi(0.5); // seen through the twin: one array
        INDArray original = net.getLayer("bilstm0").getParam("bW");
        INDArray twin = free.getLayer("bilstm0-bwd").getParam("W");
        assertEquals(original, twin);
        assertEquals(net.params(), free.params());
    }

    @Test
    void rowsAreReversedOverTheirOwnLengthOnly() {
        // Two rows, two channels, four steps; row 0 is 3 long, row 1 is 4 long.
        float[] x = {1, 2, 3, 0, 10, 20, 30, 0, 5, 6, 7, 8, 50, 60, 70, 80};
        float[] reversed = MaskedReversal.reverse(x, 2, 2, 4, new int[] {3, 4});
        assertArrayEquals(new float[] {3, 2, 1, 0, 30, 20, 10, 0, 8, 7, 6, 5, 80, 70, 60, 50}, reversed);
        assertArrayEquals(new int[] {3, 4}, MaskedReversal.lengths(
                org.nd4j.linalg.factory.Nd4j.create(new float[] {1, 1, 1, 0, 1, 1, 1, 1}, new long[] {2, 4}, 'c'), 2, 4));
        assertArrayEquals(new int[] {4, 4}, MaskedReversal.lengths(null, 2, 4));
    }

    @Test
    void aNetworkWithoutBidirectionalLayersIsItsOwnTwin() {
        ComputationGraph net = network();
        ComputationGraph free = PaddingFreeGraph.of(net, SequenceNetworkBuilder.WORDS);
        assertEquals(net.numParams(), free.numParams());
        assertSame(free, PaddingFreeGraph.of(free, SequenceNetworkBuilder.WORDS), "a rewired graph is left alone");
    }
}
