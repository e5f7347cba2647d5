package org.casie.text.bert;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rebuilt transformer layers: their gradients, a training step, and agreement with the SavedModel. */
class TransformerGraphTest {

    static final TransformerGraph.Dims TINY = new TransformerGraph.Dims(8, 2, 12);

    /** Random weights of the tiny layers; LayerNorm gains near one, like a trained model's. */
    private static LayerWeights tinyWeights(int layers, long seed) {
        Random random = new Random(seed);
        List<float[]> values = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            for (String v : LayerWeights.VARIABLES) {
                long[] shape = LayerWeights.shape(v, TINY);
                float[] a = new float[(int) (shape.length == 2 ? shape[0] * shape[1] : shape[0])];
                for (int i = 0; i < a.length; i++) {
                    a[i] = v.endsWith("gamma") ? 1f + 0.1f * (float) random.nextGaussian()
                            : 0.4f * (float) random.nextGaussian();
                }
                values.add(a);
            }
        }
        return new LayerWeights(7, layers, values);
    }

    private static TransformerGraph.Heads tinyHead(long seed) {
        Random random = new Random(seed);
        float[] kernel = new float[TINY.hidden() * 3];
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] = 0.5f * (float) random.nextGaussian();
        }
        return new TransformerGraph.Heads(new int[]{3}, new float[][]{kernel}, new float[][]{new float[3]});
    }

    /** Two windows of lengths 4 and 3, padded to 4; labels on some tokens (the padding row unlabelled). */
    private static TransformerGraph.Batch batch(long seed) {
        Random random = new Random(seed);
        float[] h = new float[2 * 4 * TINY.hidden()];
        for (int i = 0; i < h.length; i++) {
            h[i] = (float) random.nextGaussian();
        }
        return new TransformerGraph.Batch(h, 2, 4, new int[]{4, 3});
    }

    private static List<float[]> targets() {
        float[] y = new float[8 * 3];
        int[] gold = {0, 1, 2, -1, 1, -1, 0, -1};
        for (int row = 0; row < gold.length; row++) {
            if (gold[row] >= 0) {
                y[row * 3 + gold[row]] = 1;
            }
        }
        return List.of(y);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        // Every variable of both layers, attention's query and key included (their gradient passes through the
        // softmax), checked on a few entries against central differences.
        try (TransformerGraph g = new TransformerGraph(tinyWeights(2, 1), TINY, tinyHead(2), 1)) {
            TransformerGraph.Batch b = batch(3);
            List<float[]> grads = new ArrayList<>();
            g.lossAndGradients(b, targets(), 0.2f, grads);
            LayerWeights base = g.weights(7);
            double worst = 0;
            Random pick = new Random(4);
            for (int v = 0; v < base.values().size(); v++) {
                for (int trial = 0; trial < 2; trial++) {
                    int i = pick.nextInt(base.values().get(v).length);
                    double numeric = finiteDifference(g, base, v, i, b);
                    double analytic = grads.get(v)[i];
                    double error = Math.abs(numeric - analytic) / Math.max(1e-2, Math.abs(numeric) + Math.abs(analytic));
                    worst = Math.max(worst, error);
                }
            }
            assertTrue(worst < 0.02, "worst relative gradient error " + worst);
        }
    }

    private static double finiteDifference(TransformerGraph g, LayerWeights base, int variable, int index,
                                           TransformerGraph.Batch b) {
        float h = 1e-2f;
        double[] losses = new double[2];
        for (int side = 0; side < 2; side++) {
            List<float[]> values = new ArrayList<>(base.values());
            values.set(variable, values.get(variable).clone());
            values.get(variable)[index] += side == 0 ? h : -h;
            g.setWeights(new LayerWeights(7, base.count(), values));
            losses[side] = g.lossAndGradients(b, targets(), 0.2f, new ArrayList<>());
        }
        g.setWeights(base);
        return (losses[0] - losses[1]) / (2 * h);
    }

    @Test
    void trainingStepsLowerTheLoss() {
        try (TransformerGraph g = new TransformerGraph(tinyWeights(1, 5), TINY, tinyHead(6), 1)) {
            TransformerGraph.Batch b = batch(7);
            float first = g.trainStep(b, targets(), 0.2f, 1e-2f, 1e-2f, 1);
            float later = first;
            for (int step = 2; step <= 20; step++) {
                later = g.trainStep(b, targets(), 0.2f, 1e-2f, 1e-2f, step);
            }
            assertTrue(later < first * 0.8, "loss " + first + " -> " + later);
            // The variables moved, and the forward pass now reflects them.
            assertTrue(g.weights(7).values().get(0)[0] != tinyWeights(1, 5).values().get(0)[0]);
        }
    }

    @Test
    void paddingDoesNotChangeTheRealTokens() {
        // A window padded to a longer batch gives its tokens the same vectors as alone.
        LayerWeights w = tinyWeights(1, 8);
        try (TransformerGraph g = new TransformerGraph(w, TINY, null, 1)) {
            TransformerGraph.Batch padded = batch(9);
            float[] alone = java.util.Arrays.copyOfRange(padded.hidden(), 4 * TINY.hidden(), 7 * TINY.hidden());
            float[] outPadded = g.forward(padded);
            float[] outAlone = g.forward(new TransformerGraph.Batch(alone, 1, 3, new int[]{3}));
            for (int i = 0; i < outAlone.length; i++) {
                assertEquals(outAlone[i], outPadded[4 * TINY.hidden() + i], 1e-4);
            }
        }
    }

    @Test
    void weightsRoundTripAsBfloat16(@TempDir Path dir) throws Exception {
        LayerWeights w = tinyWeights(1, 10);
        // BERT-base shapes are what a stored file must hold; tiny ones are refused with the file named.
        Path file = dir.resolve("tiny.bin");
        w.write(file);
        var e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> LayerWeights.read(java.nio.file.Files.newInputStream(file), "tiny.bin"));
        assertTrue(e.getMessage().startsWith("tiny.bin: array 0 holds 64 values"), e.getMessage());
        assertEquals(0x3F80, LayerWeights.bfloat16(1f));
        assertEquals(0x3F81, LayerWeights.bfloat16(Float.intBitsToFloat(0x3F80C000)), "rounds half up to even");
        float[] r = w.rounded().values().get(0);
        for (int i = 0; i < r.length; i++) {
            assertEquals(w.values().get(0)[i], r[i], Math.abs(w.values().get(0)[i]) / 128);
        }
    }

    static boolean weightsPresent() {
        return EncoderFiles.onClassPath(EncoderSpec.defaults());
    }

    @Test
    @EnabledIf("weightsPresent")
    void rebuiltLayersReproduceTheSavedModel(@TempDir Path cache) throws Exception {
        // Layers 7-8 run on the SavedModel's own layer-6 output give its layer-8 output; stored and read back as
        // bfloat16, they stay close.
        Path dir = EncoderFiles.modelDir(EncoderSpec.defaults(), org.casie.text.AnnotationCache.defaultRoot());
        WordPiece pieces = WordPiece.load(dir.resolve("assets/vocab.txt"), true);
        List<int[]> windows = new ArrayList<>();
        for (String text : List.of("hackers stole the records of two million customers .", "citrix patched it .")) {
            List<Integer> ids = new ArrayList<>(List.of(WordPiece.CLS));
            for (String word : text.split(" ")) {
                for (int p : pieces.pieces(word)) {
                    ids.add(p);
                }
            }
            ids.add(WordPiece.SEP);
            windows.add(ids.stream().mapToInt(Integer::intValue).toArray());
        }
        try (BertEncoder bert = new BertEncoder(dir, List.of(6, 8), 2)) {
            float[][][][] out = bert.encode(windows);
            LayerWeights w = LayerWeights.pretrained(bert.savedModel(), 7, 2);
            int len = windows.get(0).length;
            float[] input = new float[2 * len * 768];
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < out[0][i].length; j++) {
                    System.arraycopy(out[0][i][j], 0, input, (i * len + j) * 768, 768);
                }
            }
            var batch = new TransformerGraph.Batch(input, 2, len, new int[]{len, windows.get(1).length});
            try (TransformerGraph g = new TransformerGraph(w, TransformerGraph.Dims.BERT_BASE, null, 2)) {
                float[] mine = g.forward(batch);
                assertClose(out[1], mine, len, 1e-3);
            }
            Path file = cache.resolve("w.bin");
            w.write(file);
            LayerWeights stored = LayerWeights.read(java.nio.file.Files.newInputStream(file), "w.bin");
            assertEquals(w.rounded().digest(), stored.digest());
            assertArrayEquals(w.rounded().values().get(3), stored.values().get(3));
            try (TransformerGraph g = new TransformerGraph(stored, TransformerGraph.Dims.BERT_BASE, null, 2)) {
                assertClose(out[1], g.forward(batch), len, 0.15);
            }
        }
    }

    private static void assertClose(float[][][] expected, float[] actual, int len, double tolerance) {
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                for (int k = 0; k < 768; k++) {
                    worst = Math.max(worst, Math.abs(expected[i][j][k] - actual[(i * len + j) * 768 + k]));
                }
            }
        }
        assertTrue(worst < tolerance, "largest difference " + worst);
    }
}
