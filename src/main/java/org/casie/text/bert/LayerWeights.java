package org.casie.text.bert;

import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Tensor;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The weights of consecutive BERT layers: read from the pretrained SavedModel, or tuned ones stored in a model
 * bundle as bfloat16 (half the bytes; BERT's weights lose nothing that matters at 8 bits of mantissa).
 *
 * @param first  the first layer they are (1-12), e.g. 7 for layers 7 and 8
 * @param count  how many layers
 * @param values per layer, {@link #VARIABLES} in order
 */
public record LayerWeights(int first, int count, List<float[]> values) {

    /** Per layer, its variables in the order the graph takes them, named as in Google's BERT checkpoints. */
    public static final List<String> VARIABLES = List.of(
            "attention/self/query/kernel", "attention/self/query/bias",
            "attention/self/key/kernel", "attention/self/key/bias",
            "attention/self/value/kernel", "attention/self/value/bias",
            "attention/output/dense/kernel", "attention/output/dense/bias",
            "attention/output/LayerNorm/gamma", "attention/output/LayerNorm/beta",
            "intermediate/dense/kernel", "intermediate/dense/bias",
            "output/dense/kernel", "output/dense/bias",
            "output/LayerNorm/gamma", "output/LayerNorm/beta");

    private static final String MAGIC = "casie-layer-weights";
    private static final int FORMAT = 1;

    public LayerWeights {
        if (first < 1 || count < 1 || first + count - 1 > 12) {
            throw new IllegalArgumentException("layers " + first + ".." + (first + count - 1) + " are not BERT-base's");
        }
        if (values.size() != count * VARIABLES.size()) {
            throw new IllegalArgumentException(count + " layers need " + count * VARIABLES.size() + " arrays, not "
                    + values.size());
        }
        values = List.copyOf(values);
    }

    /** The last layer they compute. */
    public int last() {
        return first + count - 1;
    }

    static long[] shape(String variable, TransformerGraph.Dims dims) {
        int h = dims.hidden(), inner = dims.intermediate();
        return switch (variable) {
            case "intermediate/dense/kernel" -> new long[]{h, inner};
            case "intermediate/dense/bias" -> new long[]{inner};
            case "output/dense/kernel" -> new long[]{inner, h};
            default -> variable.endsWith("kernel") ? new long[]{h, h} : new long[]{h};
        };
    }

    /** Layers {@code first..first+count-1} as the pretrained SavedModel holds them. */
    public static LayerWeights pretrained(SavedModelBundle bundle, int first, int count) {
        Session.Runner runner = bundle.session().runner();
        for (int layer = first; layer < first + count; layer++) {
            for (String v : VARIABLES) {
                runner.fetch("module/bert/encoder/layer_" + (layer - 1) + "/" + v + "/Read/ReadVariableOp:0");
            }
        }
        List<Tensor<?>> out = runner.run();
        try {
            List<float[]> values = new ArrayList<>();
            for (Tensor<?> t : out) {
                FloatBuffer b = FloatBuffer.allocate((int) t.numElements());
                t.writeTo(b);
                values.add(b.array());
            }
            return new LayerWeights(first, count, values);
        } finally {
            out.forEach(Tensor::close);
        }
    }

    /** These weights rounded to bfloat16, as {@link #write} stores them. */
    public LayerWeights rounded() {
        return new LayerWeights(first, count, values.stream().map(a -> {
            float[] r = new float[a.length];
            for (int i = 0; i < a.length; i++) {
                r[i] = Float.intBitsToFloat(bfloat16(a[i]) << 16);
            }
            return r;
        }).toList());
    }

    /** The top 16 bits of a float, rounded to nearest even. */
    static int bfloat16(float f) {
        int bits = Float.floatToRawIntBits(f);
        if (Float.isNaN(f)) {
            return 0x7FC0;
        }
        return (bits + 0x7FFF + ((bits >>> 16) & 1)) >>> 16;
    }

    /** The stored form: a header, then per array its length and bfloat16 values (big-endian). */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(first);
            out.writeInt(count);
            for (float[] a : values) {
                out.writeInt(a.length);
                byte[] packed = new byte[2 * a.length];
                for (int i = 0; i < a.length; i++) {
                    int b = bfloat16(a[i]);
                    packed[2 * i] = (byte) (b >>> 8);
                    packed[2 * i + 1] = (byte) b;
                }
                out.write(packed);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads {@link #toBytes}'s form; {@code source} names it in errors. */
    public static LayerWeights read(InputStream in, String source) throws IOException {
        DataInputStream data = new DataInputStream(in);
        try {
            if (!MAGIC.equals(data.readUTF())) {
                throw new IOException(source + ": not a layer weights file");
            }
            int format = data.readInt();
            if (format != FORMAT) {
                throw new IOException(source + ": layer weights format " + format + " is not " + FORMAT);
            }
            int first = data.readInt(), count = data.readInt();
            if (first < 1 || count < 1 || first + count - 1 > 12) {
                throw new IOException(source + ": layers " + first + "+" + count + " are not BERT-base's");
            }
            List<float[]> values = new ArrayList<>();
            for (int i = 0; i < count * VARIABLES.size(); i++) {
                long[] expected = shape(VARIABLES.get(i % VARIABLES.size()), TransformerGraph.Dims.BERT_BASE);
                int n = data.readInt();
                long want = expected.length == 2 ? expected[0] * expected[1] : expected[0];
                if (n != want) {
                    throw new IOException(source + ": array " + i + " holds " + n + " values, not " + want);
                }
                byte[] packed = data.readNBytes(2 * n);
                if (packed.length != 2 * n) {
                    throw new EOFException(source + ": truncated");
                }
                float[] a = new float[n];
                for (int k = 0; k < n; k++) {
                    int b = ((packed[2 * k] & 0xFF) << 8) | (packed[2 * k + 1] & 0xFF);
                    a[k] = Float.intBitsToFloat(b << 16);
                }
                values.add(a);
            }
            return new LayerWeights(first, count, values);
        } catch (EOFException e) {
            throw new IOException(source + ": truncated layer weights", e);
        }
    }

    /** Identifies the weights for cache keys: the SHA-256 of their stored form. */
    public String digest() {
        return org.casie.io.Sha256.hex(toBytes());
    }

    /** Saves atomically. */
    public void write(Path file) throws IOException {
        org.casie.io.AtomicFiles.write(file, toBytes());
    }
}
