package org.casie.text.bert;

import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Tensor;

import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.file.Path;
import java.util.List;

/**
 * BERT-base run by TensorFlow 1.15 as a frozen feature extractor: wordpiece windows in, the vectors of one
 * layer out. TensorFlow computes only up to the layer fetched, so lower layers are cheaper.
 */
public final class BertEncoder implements AutoCloseable {

    private final SavedModelBundle bundle;
    private final String fetch;

    public BertEncoder(Path modelDir, int layer, int threads) {
        // ConfigProto bytes: intra_op_parallelism_threads (field 2) and inter_op_parallelism_threads (field 5).
        byte[] config = {0x10, (byte) threads, 0x28, 1};
        this.bundle = SavedModelBundle.loader(modelDir.toString()).withTags("serve").withConfigProto(config).load();
        this.fetch = "module_apply_tokens/bert/encoder/layer_" + (layer - 1) + "/output/LayerNorm/batchnorm/add_1:0";
    }

    /**
     * @param windows wordpiece ids, each starting with [CLS] and ending with [SEP]
     * @return per window, a vector per wordpiece
     */
    public float[][][] encode(List<int[]> windows) {
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
        float[][][] out = new float[b][][];
        Session session = bundle.session();
        try (Tensor<Integer> tIds = Tensor.create(shape, IntBuffer.wrap(ids));
             Tensor<Integer> tMask = Tensor.create(shape, IntBuffer.wrap(mask));
             Tensor<Integer> tSeg = Tensor.create(shape, IntBuffer.wrap(segments));
             Tensor<?> result = session.runner().feed("input_ids", tIds).feed("input_mask", tMask)
                     .feed("segment_ids", tSeg).fetch(fetch).run().get(0)) {
            int dim = EncoderSpec.DIMENSION;
            FloatBuffer flat = FloatBuffer.allocate(b * len * dim);
            result.writeTo(flat);
            float[] all = flat.array();
            for (int i = 0; i < b; i++) {
                int n = windows.get(i).length;
                float[][] v = new float[n][dim];
                for (int j = 0; j < n; j++) {
                    System.arraycopy(all, (i * len + j) * dim, v[j], 0, dim);
                }
                out[i] = v;
            }
        }
        return out;
    }

    @Override
    public void close() {
        bundle.close();
    }
}
