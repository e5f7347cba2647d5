package org.casie.text.bert;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.Shape;
import org.tensorflow.Tensor;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.ReadVariableOp;
import org.tensorflow.op.core.VarHandleOp;
import org.tensorflow.op.linalg.BatchMatMul;
import org.tensorflow.op.math.Mean;

import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * BERT transformer layers rebuilt in a TensorFlow graph of our own, with their weights in variables, so the top
 * layers of the pretrained encoder can be trained from Java and then run in place of the frozen ones.
 *
 * <p>The SavedModel cannot be trained as it is: TensorFlow 1.15's C++ gradient of {@code Softmax} assumes 2-D
 * logits and attention scores are 4-D. Here the scores are reshaped to 2-D around the softmax, so every op has a
 * registered gradient and {@code addGradients} builds the whole backward pass. The layers compute what Google's
 * BERT computes (tanh GELU, LayerNorm epsilon 1e-12, additive mask -10000), checked against the SavedModel's own
 * outputs in the tests.
 *
 * <p>With {@link Heads} the graph also holds token-level classification heads over the layers' output, their
 * softmax cross-entropy loss, and an Adam step for every variable (encoder and heads at their own learning rates).
 */
public final class TransformerGraph implements AutoCloseable {

    /** Sizes of one transformer layer: BERT-base is 768 wide, 12 heads, 3072 in the feed-forward block. */
    public record Dims(int hidden, int heads, int intermediate) {
        public static final Dims BERT_BASE = new Dims(768, 12, 3072);

        public Dims {
            if (hidden < 1 || heads < 1 || hidden % heads != 0 || intermediate < 1) {
                throw new IllegalArgumentException("bad transformer sizes " + hidden + "/" + heads + "/" + intermediate);
            }
        }

        int headSize() {
            return hidden / heads;
        }
    }

    /** Classification heads trained with the layers: label counts and initial weights ([hidden * labels], [labels]). */
    public record Heads(int[] labels, float[][] kernels, float[][] biases) {
    }

    /** Adam's settings; learning rates are fed per step so the trainer can warm them up and decay them. */
    static final float BETA1 = 0.9f, BETA2 = 0.999f, EPSILON = 1e-6f;
    private static final float LAYER_NORM_EPSILON = 1e-12f;
    private static final float MASKED = -10000f;

    private final Dims dims;
    private final int layerCount;
    private final Graph graph = new Graph();
    private final Session session;
    private final Ops tf;
    private final Placeholder<Float> hidden, maskBias;
    private final Placeholder<Integer> headShape, scoreShape, flatScores;
    private final Operand<Float> output;
    private final List<VarHandleOp> variables = new ArrayList<>();
    private final List<ReadVariableOp<Float>> reads = new ArrayList<>();
    private final List<long[]> shapes = new ArrayList<>();
    private final int encoderVariables;
    // Training only.
    private final List<Placeholder<Float>> labels = new ArrayList<>();
    private Placeholder<Float> lossScale, encoderRate, headRate, beta1Power, beta2Power;
    private Operand<Float> loss;
    private final List<Operand<Float>> logits = new ArrayList<>();
    private final List<String> updates = new ArrayList<>();
    private final List<Output<?>> gradientOutputs = new ArrayList<>();
    private final List<Placeholder<Float>> assignFeeds = new ArrayList<>();
    private final List<String> assignOps = new ArrayList<>();

    /**
     * @param weights the layers' initial weights, {@link LayerWeights#VARIABLES} order per layer
     * @param heads   classification heads to train, or {@code null} for a forward-only graph
     */
    public TransformerGraph(LayerWeights weights, Dims dims, Heads heads, int intraThreads) {
        this.dims = dims;
        this.layerCount = weights.count();
        this.tf = Ops.create(graph);
        this.hidden = tf.placeholder(Float.class);
        this.maskBias = tf.placeholder(Float.class);
        this.headShape = tf.placeholder(Integer.class);
        this.scoreShape = tf.placeholder(Integer.class);
        this.flatScores = tf.placeholder(Integer.class);
        Operand<Float> x = hidden;
        int v = 0;
        for (int layer = 0; layer < layerCount; layer++) {
            List<Operand<Float>> w = new ArrayList<>();
            for (String name : LayerWeights.VARIABLES) {
                w.add(variable(LayerWeights.shape(name, dims), "layer" + layer + "/" + name));
                v++;
            }
            x = layer(x, w);
        }
        this.encoderVariables = v;
        this.output = x;
        if (heads != null) {
            buildTraining(heads);
        }
        this.session = new Session(graph, BertEncoder.configProto(Math.max(1, intraThreads), 1));
        assign(weights.values(), 0);
        if (heads != null) {
            List<float[]> headValues = new ArrayList<>();
            for (int h = 0; h < heads.labels().length; h++) {
                headValues.add(heads.kernels()[h]);
                headValues.add(heads.biases()[h]);
            }
            assign(headValues, encoderVariables);
            // Adam's moments start at zero.
            List<float[]> zeros = new ArrayList<>();
            for (int i = encoderVariables + headValues.size(); i < variables.size(); i++) {
                zeros.add(new float[(int) size(shapes.get(i))]);
            }
            assign(zeros, encoderVariables + headValues.size());
        }
    }

    private Operand<Float> variable(long[] shape, String name) {
        // Each variable needs its own shared name: with none, every handle in the session is one resource.
        String unique = "var." + name.replace('/', '.');
        VarHandleOp handle = tf.withName(unique).varHandleOp(Float.class, Shape.make(shape[0],
                java.util.Arrays.copyOfRange(shape, 1, shape.length)), VarHandleOp.sharedName(unique));
        variables.add(handle);
        shapes.add(shape);
        ReadVariableOp<Float> read = tf.readVariableOp(handle, Float.class);
        reads.add(read);
        return read;
    }

    /** One BERT layer over flat [tokens, hidden] input; weights in {@link LayerWeights#VARIABLES} order. */
    private Operand<Float> layer(Operand<Float> x, List<Operand<Float>> w) {
        Operand<Float> q = heads(dense(x, w.get(0), w.get(1)));
        Operand<Float> k = heads(dense(x, w.get(2), w.get(3)));
        Operand<Float> val = heads(dense(x, w.get(4), w.get(5)));
        Operand<Float> scores = tf.math.add(
                tf.math.mul(tf.linalg.batchMatMul(q, k, BatchMatMul.adjY(true)),
                        tf.constant((float) (1 / Math.sqrt(dims.headSize())))), maskBias);
        // Softmax over the last axis, taken in 2-D (the only shape TF 1.15's SoftmaxGrad handles).
        Operand<Float> probs = tf.reshape(tf.nn.softmax(tf.reshape(scores, flatScores)), scoreShape);
        Operand<Float> context = tf.reshape(tf.linalg.transpose(tf.linalg.batchMatMul(probs, val),
                tf.constant(new int[]{0, 2, 1, 3})), tf.constant(new int[]{-1, dims.hidden()}));
        Operand<Float> attended = layerNorm(tf.math.add(dense(context, w.get(6), w.get(7)), x), w.get(8), w.get(9));
        Operand<Float> inner = gelu(dense(attended, w.get(10), w.get(11)));
        return layerNorm(tf.math.add(dense(inner, w.get(12), w.get(13)), attended), w.get(14), w.get(15));
    }

    private Operand<Float> dense(Operand<Float> x, Operand<Float> kernel, Operand<Float> bias) {
        return tf.nn.biasAdd(tf.linalg.matMul(x, kernel), bias);
    }

    /** [tokens, hidden] to [batch, heads, length, head size]. */
    private Operand<Float> heads(Operand<Float> x) {
        return tf.linalg.transpose(tf.reshape(x, headShape), tf.constant(new int[]{0, 2, 1, 3}));
    }

    private Operand<Float> layerNorm(Operand<Float> x, Operand<Float> gamma, Operand<Float> beta) {
        Operand<Integer> last = tf.constant(new int[]{1});
        Operand<Float> mean = tf.math.mean(x, last, Mean.keepDims(true));
        Operand<Float> variance = tf.math.mean(tf.math.squaredDifference(x, mean), last, Mean.keepDims(true));
        Operand<Float> normed = tf.math.mul(tf.math.sub(x, mean),
                tf.math.rsqrt(tf.math.add(variance, tf.constant(LAYER_NORM_EPSILON))));
        return tf.math.add(tf.math.mul(normed, gamma), beta);
    }

    /** BERT's GELU, the tanh approximation the SavedModel uses. */
    private Operand<Float> gelu(Operand<Float> x) {
        Operand<Float> cube = tf.math.mul(tf.math.mul(x, x), x);
        Operand<Float> inner = tf.math.mul(tf.constant((float) Math.sqrt(2 / Math.PI)),
                tf.math.add(x, tf.math.mul(tf.constant(0.044715f), cube)));
        return tf.math.mul(tf.math.mul(tf.constant(0.5f), x), tf.math.add(tf.constant(1f), tf.math.tanh(inner)));
    }

    private void buildTraining(Heads heads) {
        lossScale = tf.placeholder(Float.class);
        encoderRate = tf.placeholder(Float.class);
        headRate = tf.placeholder(Float.class);
        beta1Power = tf.placeholder(Float.class);
        beta2Power = tf.placeholder(Float.class);
        Operand<Float> total = null;
        for (int h = 0; h < heads.labels().length; h++) {
            int n = heads.labels()[h];
            Operand<Float> kernel = variable(new long[]{dims.hidden(), n}, "head" + h + "/kernel");
            Operand<Float> bias = variable(new long[]{n}, "head" + h + "/bias");
            Operand<Float> z = dense(output, kernel, bias);
            logits.add(z);
            Placeholder<Float> y = tf.placeholder(Float.class);
            labels.add(y);
            // Rows of y that are all zero (padding, continuation pieces, unlabelled tokens) must add nothing. Their
            // loss is zero, but the op's gradient (softmax - y) assumes rows that sum to one, so each row's loss is
            // also weighted by its label mass, which zeroes their gradient.
            Operand<Float> rowMass = tf.sum(y, tf.constant(new int[]{1}));
            Operand<Float> sum = tf.sum(tf.math.mul(tf.nn.softmaxCrossEntropyWithLogits(z, y).loss(), rowMass),
                    tf.constant(new int[]{0}));
            total = total == null ? sum : tf.math.add(total, sum);
        }
        loss = tf.math.mul(total, lossScale);
        List<Operand<?>> params = new ArrayList<>(reads);
        Gradients gradients = tf.gradients(loss, params);
        int trainable = variables.size();
        for (int i = 0; i < trainable; i++) {
            long[] shape = shapes.get(i);
            // Adam's moments (their reads go unused).
            variable(shape, "adam/m" + i);
            variable(shape, "adam/v" + i);
            Operand<?> handleM = variables.get(variables.size() - 2), handleV = variables.get(variables.size() - 1);
            Output<Float> grad = gradients.<Float>dy(i);
            gradientOutputs.add(grad);
            var apply = tf.train.resourceApplyAdam(variables.get(i), handleM, handleV, beta1Power, beta2Power,
                    i < encoderVariables ? encoderRate : headRate, tf.constant(BETA1), tf.constant(BETA2),
                    tf.constant(EPSILON), grad);
            updates.add(apply.op().name());
        }
    }

    /** Sets variables {@code first..} to {@code values}, through one assign op per variable built on first use. */
    private void assign(List<float[]> values, int first) {
        Session.Runner runner = session.runner();
        List<Tensor<?>> tensors = new ArrayList<>();
        try {
            for (int i = 0; i < values.size(); i++) {
                int v = first + i;
                while (assignFeeds.size() <= v) {
                    int k = assignFeeds.size();
                    Ops init = tf.withSubScope("assign" + k);
                    Placeholder<Float> p = init.placeholder(Float.class);
                    assignFeeds.add(p);
                    assignOps.add(init.assignVariableOp(variables.get(k), p).op().name());
                }
                long[] shape = shapes.get(v);
                if (values.get(i).length != size(shape)) {
                    throw new IllegalArgumentException("variable " + v + " needs " + size(shape) + " values, not "
                            + values.get(i).length);
                }
                Tensor<Float> t = Tensor.create(shape, FloatBuffer.wrap(values.get(i)));
                tensors.add(t);
                runner.feed(assignFeeds.get(v).asOutput(), t).addTarget(assignOps.get(v));
            }
            runner.run();
        } finally {
            tensors.forEach(Tensor::close);
        }
    }

    /** Replaces the encoder layers' weights (Adam's moments are left as they are). */
    public void setWeights(LayerWeights weights) {
        if (weights.count() != layerCount) {
            throw new IllegalArgumentException(weights.count() + " layers given to a graph of " + layerCount);
        }
        assign(weights.values(), 0);
    }

    private static long size(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    /** A batch of windows: flat input vectors [batch * length, hidden] and each window's real length. */
    public record Batch(float[] hidden, int batch, int length, int[] lengths) {
    }

    private Session.Runner feed(Session.Runner runner, Batch b, List<Tensor<?>> open) {
        float[] bias = new float[b.batch() * b.length()];
        for (int i = 0; i < b.batch(); i++) {
            for (int j = b.lengths()[i]; j < b.length(); j++) {
                bias[i * b.length() + j] = MASKED;
            }
        }
        Tensor<Float> h = Tensor.create(new long[]{(long) b.batch() * b.length(), dims.hidden()},
                FloatBuffer.wrap(b.hidden()));
        Tensor<Float> m = Tensor.create(new long[]{b.batch(), 1, 1, b.length()}, FloatBuffer.wrap(bias));
        Tensor<Integer> hs = Tensor.create(new long[]{4},
                IntBuffer.wrap(new int[]{b.batch(), b.length(), dims.heads(), dims.headSize()}));
        Tensor<Integer> ss = Tensor.create(new long[]{4},
                IntBuffer.wrap(new int[]{b.batch(), dims.heads(), b.length(), b.length()}));
        Tensor<Integer> fs = Tensor.create(new long[]{2}, IntBuffer.wrap(new int[]{-1, b.length()}));
        open.addAll(List.of(h, m, hs, ss, fs));
        return runner.feed(hidden.asOutput(), h).feed(maskBias.asOutput(), m).feed(headShape.asOutput(), hs)
                .feed(scoreShape.asOutput(), ss).feed(flatScores.asOutput(), fs);
    }

    /** The last layer's output, flat [batch * length, hidden] (padding rows included). */
    public float[] forward(Batch b) {
        List<Tensor<?>> open = new ArrayList<>();
        try {
            List<Tensor<?>> out = feed(session.runner(), b, open).fetch(output).run();
            open.addAll(out);
            return floats(out.get(0), b.batch() * b.length() * dims.hidden());
        } finally {
            open.forEach(Tensor::close);
        }
    }

    /**
     * One Adam step on a batch; returns the loss before the step.
     *
     * @param targets per head, one-hot rows [batch * length, labels] (all-zero rows are not scored)
     * @param scale   what the summed loss is multiplied by (1 / scored tokens, so batches weigh alike)
     * @param step    the step number, from 1 (Adam's bias correction)
     */
    public float trainStep(Batch b, List<float[]> targets, float scale, float encoderLearningRate,
                           float headLearningRate, long step) {
        requireTraining();
        List<Tensor<?>> open = new ArrayList<>();
        try {
            Session.Runner runner = feedTraining(b, targets, scale, open);
            runner.feed(encoderRate.asOutput(), scalar(encoderLearningRate, open))
                    .feed(headRate.asOutput(), scalar(headLearningRate, open))
                    .feed(beta1Power.asOutput(), scalar((float) Math.pow(BETA1, step), open))
                    .feed(beta2Power.asOutput(), scalar((float) Math.pow(BETA2, step), open));
            updates.forEach(runner::addTarget);
            List<Tensor<?>> out = runner.fetch(loss).run();
            open.addAll(out);
            return out.get(0).floatValue();
        } finally {
            open.forEach(Tensor::close);
        }
    }

    /** The loss and the gradient of each variable (encoder layers, then heads), without a step: for checks. */
    public float lossAndGradients(Batch b, List<float[]> targets, float scale, List<float[]> gradients) {
        requireTraining();
        List<Tensor<?>> open = new ArrayList<>();
        try {
            Session.Runner runner = feedTraining(b, targets, scale, open).fetch(loss);
            gradientOutputs.forEach(runner::fetch);
            List<Tensor<?>> out = runner.run();
            open.addAll(out);
            for (int i = 0; i < gradientOutputs.size(); i++) {
                gradients.add(floats(out.get(i + 1), (int) size(shapes.get(i))));
            }
            return out.get(0).floatValue();
        } finally {
            open.forEach(Tensor::close);
        }
    }

    /** Per head, the logits [batch * length, labels]. */
    public List<float[]> logits(Batch b) {
        requireTraining();
        List<Tensor<?>> open = new ArrayList<>();
        try {
            Session.Runner runner = feed(session.runner(), b, open);
            logits.forEach(runner::fetch);
            List<Tensor<?>> out = runner.run();
            open.addAll(out);
            List<float[]> result = new ArrayList<>();
            for (int h = 0; h < logits.size(); h++) {
                result.add(floats(out.get(h), b.batch() * b.length() * labels(h)));
            }
            return result;
        } finally {
            open.forEach(Tensor::close);
        }
    }

    private int labels(int head) {
        long[] s = shapes.get(encoderVariables + 2 * head + 1);
        return (int) s[0];
    }

    private Session.Runner feedTraining(Batch b, List<float[]> targets, float scale, List<Tensor<?>> open) {
        Session.Runner runner = feed(session.runner(), b, open);
        for (int h = 0; h < labels.size(); h++) {
            Tensor<Float> y = Tensor.create(new long[]{(long) b.batch() * b.length(), labels(h)},
                    FloatBuffer.wrap(targets.get(h)));
            open.add(y);
            runner.feed(labels.get(h).asOutput(), y);
        }
        return runner.feed(lossScale.asOutput(), scalar(scale, open));
    }

    private static Tensor<Float> scalar(float value, List<Tensor<?>> open) {
        Tensor<Float> t = Tensor.create(value, Float.class);
        open.add(t);
        return t;
    }

    private void requireTraining() {
        if (loss == null) {
            throw new IllegalStateException("this graph was built without heads");
        }
    }

    /** The encoder layers' current weights. */
    public LayerWeights weights(int firstLayer) {
        return new LayerWeights(firstLayer, layerCount, read(0, encoderVariables));
    }

    /** Every variable (layers, heads, Adam's moments), for a checkpoint. */
    public List<float[]> state() {
        return read(0, variables.size());
    }

    /** Restores {@link #state()}'s values. */
    public void restore(List<float[]> state) {
        if (state.size() != variables.size()) {
            throw new IllegalArgumentException("a state of " + state.size() + " variables for a graph of "
                    + variables.size());
        }
        assign(state, 0);
    }

    private List<float[]> read(int first, int count) {
        Session.Runner runner = session.runner();
        for (int i = first; i < first + count; i++) {
            runner.fetch(reads.get(i));
        }
        List<Tensor<?>> out = runner.run();
        try {
            List<float[]> values = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                values.add(floats(out.get(i), (int) size(shapes.get(first + i))));
            }
            return values;
        } finally {
            out.forEach(Tensor::close);
        }
    }

    private static float[] floats(Tensor<?> t, int n) {
        FloatBuffer buffer = FloatBuffer.allocate(n);
        t.writeTo(buffer);
        return buffer.array();
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
