package org.casie.model;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Function;

/**
 * One replica of a network per thread, built over the original's parameter array (no copy of the weights), so
 * threads run {@code output()} at once without a lock: a DL4J network keeps per-call state (layer inputs,
 * masks), its weights are only read. A replica sees every later change of the original's weights (training
 * updates them in place). Measured against DL4J's {@code ParallelInference}: see {@code docs/scale.md}.
 */
public final class NetworkReplicas {

    private static final Map<Object, ThreadLocal<Object>> REPLICAS = Collections.synchronizedMap(new WeakHashMap<>());

    private NetworkReplicas() {
    }

    /** This thread's replica of {@code net}. */
    public static ComputationGraph of(ComputationGraph net) {
        return replica(net, n -> {
            ComputationGraph copy = new ComputationGraph(configuration(n));
            copy.init(n.params(), false);
            return copy;
        });
    }

    /**
     * A copy of {@code net}'s configuration with its topological order: DL4J's {@code clone()} drops it and sorts
     * again, and the order decides the parameter layout ({@link PaddingFreeGraph} fixes one of its own).
     */
    static ComputationGraphConfiguration configuration(ComputationGraph net) {
        ComputationGraphConfiguration original = net.getConfiguration();
        ComputationGraphConfiguration copy = original.clone();
        if (original.getTopologicalOrder() != null && original.getTopologicalOrderStr() != null) {
            copy.setTopologicalOrder(original.getTopologicalOrder().clone());
            copy.setTopologicalOrderStr(new ArrayList<>(original.getTopologicalOrderStr()));
        }
        return copy;
    }

    /** This thread's replica of {@code net}. */
    public static MultiLayerNetwork of(MultiLayerNetwork net) {
        return replica(net, n -> {
            MultiLayerNetwork copy = new MultiLayerNetwork(n.getLayerWiseConfigurations().clone());
            copy.init(n.params(), false);
            return copy;
        });
    }

    @SuppressWarnings("unchecked")
    private static <N> N replica(N net, Function<N, N> build) {
        ThreadLocal<Object> local = REPLICAS.computeIfAbsent(net, n -> new ThreadLocal<>());
        Object replica = local.get();
        if (replica == null) {
            replica = build.apply(net);
            local.set(replica);
        }
        return (N) replica;
    }
}
