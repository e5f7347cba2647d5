package org.casie.examples;

import edu.stanford.nlp.io.IOUtils;
import edu.stanford.nlp.neural.Embedding;
import org.ejml.simple.SimpleMatrix;

import java.util.HashMap;
import java.util.Map;

/**
 * The 50-dimensional English word vectors shipped in CoreNLP's models jar (103,144 lower-cased words,
 * digits written as 0). They stay frozen and are read from the class path, so model bundles need not
 * carry them.
 */
public final class PretrainedVectors {

    public static final String CORENLP_RESOURCE = "edu/stanford/nlp/models/coref/neural/english-embeddings.ser.gz";
    private static final String UNKNOWN = "*UNK*";
    /** Their norms are about 2; halving keeps them on the scale of the one-hot features beside them. */
    private static final float SCALE = 0.5f;

    private static volatile PretrainedVectors shared;

    private final Map<String, float[]> vectors;
    private final float[] unknown;
    private final int dimension;

    PretrainedVectors(Map<String, float[]> vectors, float[] unknown) {
        this.vectors = vectors;
        this.unknown = unknown;
        this.dimension = unknown.length;
    }

    /** Loaded once per JVM (about a second). */
    public static PretrainedVectors coreNlp() {
        PretrainedVectors v = shared;
        if (v == null) {
            synchronized (PretrainedVectors.class) {
                if (shared == null) {
                    shared = load();
                }
                v = shared;
            }
        }
        return v;
    }

    private static PretrainedVectors load() {
        Embedding embedding;
        try {
            embedding = IOUtils.readObjectFromURLOrClasspathOrFileSystem(CORENLP_RESOURCE);
        } catch (Exception e) {
            throw new IllegalStateException("cannot load CoreNLP word vectors from " + CORENLP_RESOURCE + ": " + e, e);
        }
        Map<String, float[]> map = new HashMap<>(embedding.size() * 2);
        for (Map.Entry<String, SimpleMatrix> e : embedding.entrySet()) {
            map.put(e.getKey(), toFloats(e.getValue()));
        }
        float[] unknown = map.getOrDefault(UNKNOWN, new float[embedding.getEmbeddingSize()]);
        return new PretrainedVectors(map, unknown);
    }

    private static float[] toFloats(SimpleMatrix m) {
        int n = m.getNumElements();
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = (float) m.get(i) * SCALE;
        }
        return f;
    }

    public int dimension() {
        return dimension;
    }

    /** The key a word is looked up under: lower case, digits as 0. */
    public static String normalise(String word) {
        StringBuilder sb = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            sb.append(Character.isDigit(c) ? '0' : Character.toLowerCase(c));
        }
        return sb.toString();
    }

    public boolean contains(String word) {
        return vectors.containsKey(normalise(word));
    }

    /** The word's vector; for a hyphenated unknown word the mean of its known parts; else the unknown vector. */
    public float[] get(String word) {
        String key = normalise(word);
        float[] v = vectors.get(key);
        if (v != null) {
            return v;
        }
        if (key.indexOf('-') > 0) {
            float[] sum = new float[dimension];
            int parts = 0;
            for (String part : key.split("-")) {
                float[] p = vectors.get(part);
                if (p != null) {
                    for (int i = 0; i < dimension; i++) {
                        sum[i] += p[i];
                    }
                    parts++;
                }
            }
            if (parts > 0) {
                for (int i = 0; i < dimension; i++) {
                    sum[i] /= parts;
                }
                return sum;
            }
        }
        return unknown;
    }
}
