package org.casie.text.bert;

import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Tensor;

import java.io.ByteArrayOutputStream;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * BERT-base run by TensorFlow 1.15 as a frozen feature extractor: wordpiece windows in, the vectors of some
 * layers out. TensorFlow computes only up to the deepest layer fetched, so lower layers are cheaper and
 * fetching several layers costs no more than the deepest one.
 */
public final class BertEncoder implements AutoCloseable {

    private final SavedModelBundle bundle;
    private final List<Integer> layers;
    /** Tuned top layers run after the SavedModel's lower ones, or {@code null}. */
    private final TransformerGraph tuned;
    private final List<Integer> fetched;

    /**
     * One session serves concurrent {@link #encode} calls (TensorFlow sessions are thread-safe): each op's own
     * work is split over the cores, and up to {@code threads} runs proceed side by side.
     *
     * @param layers  the layers (1-12) to fetch, in the order {@link #encode} returns them
     * @param threads the caller's worker threads (concurrent runs)
     */
    public BertEncoder(Path modelDir, List<Integer> layers, int threads) {
        this(modelDir, layers, threads, null);
    }

    /**
     * @param tunedLayers weights for the top layers, whose last one must be the only layer asked for; the SavedModel
     *                    then runs up to the layer below them, and they compute the rest
     */
    public BertEncoder(Path modelDir, List<Integer> layers, int threads, LayerWeights tunedLayers) {
        // Each op's work is split over the cores (intra-op); up to `threads` runs proceed side by side (inter-op).
        int cores = Runtime.getRuntime().availableProcessors();
        this.bundle = SavedModelBundle.loader(modelDir.toString()).withTags("serve")
                .withConfigProto(configProto(cores, Math.max(1, threads))).load();
        this.layers = List.copyOf(layers);
        if (tunedLayers != null && (layers.size() != 1 || layers.get(0) != tunedLayers.last()
                || tunedLayers.first() < 2)) {
            throw new IllegalArgumentException("tuned layers " + tunedLayers.first() + "-" + tunedLayers.last()
                    + " cannot give layers " + layers);
        }
        this.fetched = tunedLayers == null ? this.layers : List.of(tunedLayers.first() - 1);
        this.tuned = tunedLayers == null ? null
                : new TransformerGraph(tunedLayers, TransformerGraph.Dims.BERT_BASE, null, cores);
    }

    /**
     * A serialized TensorFlow ConfigProto setting intra_op_parallelism_threads (field 2) and
     * inter_op_parallelism_threads (field 5), each an int32 written as a protobuf varint.
     */
    static byte[] configProto(int intraThreads, int interThreads) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x10); // field 2, wire type 0 (varint)
        varint(out, intraThreads);
        out.write(0x28); // field 5, wire type 0 (varint)
        varint(out, interThreads);
        return out.toByteArray();
    }

    /** Protobuf base-128 varint: seven bits a byte, low bits first, the high bit set on all but the last. */
    private static void varint(ByteArrayOutputStream out, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + value);
        }
        long v = value;
        while (v >= 0x80) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    /** The pretrained model itself, to read its weights. */
    SavedModelBundle savedModel() {
        return bundle;
    }

    private static String fetchName(int layer) {
        return "module_apply_tokens/bert/encoder/layer_" + (layer - 1) + "/output/LayerNorm/batchnorm/add_1:0";
    }

    /**
     * Runs windows of equal length together and no window beside a longer one: padding never reaches a real
     * token's vector in theory, but TensorFlow's products split their sums by the shapes they get, so a padded
     * window's vectors differ in the last bits from the same window alone, and a cached vector would depend on
     * which windows shared its batch. Unpadded, a window's vectors are the same in any batch (checked bit for bit
     * in {@code BertEncoderBatchTest}), which keeps training on cached vectors deterministic.
     *
     * @param windows wordpiece ids, each starting with [CLS] and ending with [SEP]
     * @return per fetched layer, per window, a vector per wordpiece
     */
    public float[][][][] encode(List<int[]> windows) {
        Map<Integer, List<Integer>> byLength = new TreeMap<>();
        for (int i = 0; i < windows.size(); i++) {
            byLength.computeIfAbsent(windows.get(i).length, k -> new ArrayList<>()).add(i);
        }
        float[][][][] out = new float[layers.size()][windows.size()][][];
        for (List<Integer> group : byLength.values()) {
            float[][][][] part = encodeEqualLengths(group.stream().map(windows::get).toList());
            for (int l = 0; l < out.length; l++) {
                for (int k = 0; k < group.size(); k++) {
                    out[l][group.get(k)] = part[l][k];
                }
            }
        }
        return out;
    }

    private float[][][][] encodeEqualLengths(List<int[]> windows) {
        int b = windows.size();
        int len = windows.stream().mapToInt(w -> w.length).max().orElse(2);
        int[] ids = new int[b * len], mask = new int[b * len], segments = new int[b * len];
        for (int i = 0; i < b; i++) {
            int[] w = windows.get(i);
            for (int j = 0; j < w.length; j++) {
                ids[i * len + j] = w[j];
                mask[i * len + j] = 1;
            }
        }
        long[] shape = {b, len};
        float[][][][] out = new float[layers.size()][b][][];
        Session session = bundle.session();
        try (Tensor<Integer> tIds = Tensor.create(shape, IntBuffer.wrap(ids));
             Tensor<Integer> tMask = Tensor.create(shape, IntBuffer.wrap(mask));
             Tensor<Integer> tSeg = Tensor.create(shape, IntBuffer.wrap(segments))) {
            Session.Runner runner = session.runner().feed("input_ids", tIds).feed("input_mask", tMask)
                    .feed("segment_ids", tSeg);
            fetched.forEach(l -> runner.fetch(fetchName(l)));
            List<Tensor<?>> results = runner.run();
            try {
                int dim = EncoderSpec.DIMENSION;
                FloatBuffer flat = FloatBuffer.allocate(b * len * dim);
                for (int l = 0; l < layers.size(); l++) {
                    flat.clear();
                    results.get(l).writeTo(flat);
                    float[] all = flat.array();
                    if (tuned != null) {
                        int[] lengths = windows.stream().mapToInt(w -> w.length).toArray();
                        all = tuned.forward(new TransformerGraph.Batch(all, b, len, lengths));
                    }
                    for (int i = 0; i < b; i++) {
                        int n = windows.get(i).length;
                        float[][] v = new float[n][dim];
                        for (int j = 0; j < n; j++) {
                            System.arraycopy(all, (i * len + j) * dim, v[j], 0, dim);
                        }
                        out[l][i] = v;
                    }
                }
            } finally {
                results.forEach(Tensor::close);
            }
        }
        return out;
    }

    @Override
    public void close() {
        if (tuned != null) {
            tuned.close();
        }
        bundle.close();
    }
}
