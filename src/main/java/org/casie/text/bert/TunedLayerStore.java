package org.casie.text.bert;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fine-tuned layer weights this JVM has loaded, by digest. A bundle that carries tuned layers registers them
 * as it loads (and {@code train --tuned-encoder} as it starts); an encoder whose spec names a digest takes its
 * weights from here, so specs stay small values that JSON, cache keys and Spark closures can carry.
 */
public final class TunedLayerStore {

    private static final Map<String, LayerWeights> WEIGHTS = new ConcurrentHashMap<>();

    private TunedLayerStore() {
    }

    /** Registers weights (as stored: bfloat16) and returns their digest. */
    public static String register(LayerWeights weights) {
        String digest = weights.digest();
        WEIGHTS.putIfAbsent(digest, weights);
        return digest;
    }

    /** Frees weights no model in this JVM uses any more (a long-lived process swapping models). */
    public static void unload(String digest) {
        WEIGHTS.remove(digest);
    }

    public static Optional<LayerWeights> get(String digest) {
        return Optional.ofNullable(WEIGHTS.get(digest));
    }

    /** The weights a spec names; a spec with none names no weights. */
    public static LayerWeights require(EncoderSpec spec) {
        return get(spec.tuned()).orElseThrow(() -> new IllegalStateException("the tuned encoder layers "
                + spec.tuned().substring(0, 12) + "... are not loaded: load the model bundle that carries them"));
    }
}
