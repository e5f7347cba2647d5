package org.casie.model;

import org.casie.examples.SequenceFeatures;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
