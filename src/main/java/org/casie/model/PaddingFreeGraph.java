package org.casie.model;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The same network, with outputs that do not depend on what a sequence is batched with.
 *
 * <p>DL4J's {@code Bidirectional} wrapper reverses whole padded rows for its backward LSTM, so the backward pass
 * reads a sequence's padding before its last token: a token's output moves with the length of the longest sequence
 * in its batch (measured: a 12-token sentence padded to 53 moves by 0.011; docs/scale.md). Here every
 * {@code Bidirectional(CONCAT, LSTM)} becomes a forward LSTM beside a backward LSTM between two mask-aware
 * {@link MaskedReversal} (each row reversed over its own length only), concatenated as before, with the
 * very same weights. A padded sequence then gets exactly the outputs it gets alone, so batches may mix articles and
 * lengths freely.
 *
 * <p>The twin's parameters are laid out as the original's, and it holds the very same array: training the twin
 * trains the original, which is what a bundle saves (and its optimizer state has the same layout too).
 */
public final class PaddingFreeGraph {

    private PaddingFreeGraph() {
    }

    /**
     * @param maskInput the network input whose mask marks each row's real time steps (every input of a tagger
     *                  batch carries the same mask)
     * @return a new network over {@code net}'s own parameter array, or {@code net} itself when it has no
     *         bidirectional layer
     */
    public static ComputationGraph of(ComputationGraph net, String maskInput) {
        ComputationGraphConfiguration conf = net.getConfiguration();
        Map<String, GraphVertex> vertices = conf.getVertices();
        if (vertices.values().stream().noneMatch(PaddingFreeGraph::isBidirectional)) {
            return net;
        }
        ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder().graphBuilder()
                .addInputs(conf.getNetworkInputs());
        for (String name : conf.getTopologicalOrderStr()) {
            GraphVertex v = vertices.get(name);
            if (v == null) {
                continue; // a network input
            }
            String[] inputs = conf.getVertexInputs().get(name).toArray(new String[0]);
            if (isBidirectional(v)) {
                Bidirectional bi = (Bidirectional) ((LayerVertex) v).getLayerConf().getLayer();
                g.addLayer(name + "-fwd", bi.getFwd().clone(), inputs)
                        .addVertex(name + "-reversed", new MaskedReversal(maskInput), inputs)
                        .addLayer(name + "-bwd", bi.getBwd().clone(), name + "-reversed")
                        .addVertex(name + "-bwd-restored", new MaskedReversal(maskInput), name + "-bwd")
                        .addVertex(name, new MergeVertex(), name + "-fwd", name + "-bwd-restored");
            } else if (v instanceof LayerVertex lv) {
                g.addLayer(name, lv.getLayerConf().getLayer().clone(), lv.getPreProcessor(), inputs);
            } else {
                g.addVertex(name, v.clone(), inputs);
            }
        }
        g.setOutputs(conf.getNetworkOutputs().toArray(new String[0]));
        ComputationGraphConfiguration twin = g.build();
        // DL4J lays parameters out in topological order, and its own sort may order the heads otherwise: fix the
        // order to the original's, each BiLSTM's place taken by its parts (forward, then backward).
        List<String> order = new ArrayList<>();
        for (String name : conf.getTopologicalOrderStr()) {
            if (isBidirectional(vertices.get(name))) {
                order.addAll(List.of(name + "-fwd", name + "-reversed", name + "-bwd", name + "-bwd-restored"));
            }
            order.add(name);
        }
        twin.setTopologicalOrderStr(order);
        twin.setTopologicalOrder(IntStream.range(0, order.size()).toArray());
        requireSameLayout(net, twin);
        ComputationGraph out = new ComputationGraph(twin);
        out.init(net.params(), false); // shares the array: no copy, and updates reach both
        return out;
    }

    /**
     * Checks that {@code twin}'s flat parameters line up with {@code net}'s: a fresh twin given every parameter of
     * {@code net} by name must have the same flat vector (DL4J orders them by the graph's topological order).
     */
    private static void requireSameLayout(ComputationGraph net, ComputationGraphConfiguration twin) {
        ComputationGraph copy = new ComputationGraph(twin);
        copy.init();
        Map<String, GraphVertex> vertices = net.getConfiguration().getVertices();
        for (org.deeplearning4j.nn.api.Layer layer : net.getLayers()) {
            String name = layer.conf().getLayer().getLayerName();
            Map<String, INDArray> params = layer.paramTable();
            if (isBidirectional(vertices.get(name))) {
                // Bidirectional names its parameters "f" + the LSTM's name for the forward one, "b" + ... backward.
                params.forEach((key, value) -> copy.getLayer(name + (key.startsWith("f") ? "-fwd" : "-bwd"))
                        .setParam(key.substring(1), value));
            } else {
                params.forEach((key, value) -> copy.getLayer(name).setParam(key, value));
            }
        }
        if (!copy.params().equals(net.params())) {
            throw new IllegalStateException("the padding-free twin orders its parameters unlike the network");
        }
    }

    private static boolean isBidirectional(GraphVertex v) {
        if (!(v instanceof LayerVertex lv)) {
            return false;
        }
        Layer layer = lv.getLayerConf().getLayer();
        if (!(layer instanceof Bidirectional bi)) {
            return false;
        }
        if (bi.getMode() != Bidirectional.Mode.CONCAT) {
            throw new IllegalArgumentException("only concatenating bidirectional layers are rewired, not " + bi.getMode());
        }
        return true;
    }
}
