package org.casie.examples;

import org.casie.text.TokenTable;
import org.deeplearning4j.models.word2vec.Word2Vec;
import org.deeplearning4j.text.sentenceiterator.CollectionSentenceIterator;
import org.deeplearning4j.text.tokenization.tokenizerfactory.DefaultTokenizerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Word vectors learnt from the training text itself (DL4J Word2Vec, skip-gram), beside the general-English
 * CoreNLP vectors: security news uses words those vectors never saw or saw in other senses. Words are
 * normalised as for the learned embeddings; each vector is scaled to unit length; unseen words get zeros.
 * The vectors travel in the model bundle, since they depend on the training text.
 */
public final class DomainVectors {

    public static final DomainVectors NONE = new DomainVectors(Map.of(), 0);
    /** Fixed, not the training seed: members of an ensemble, which differ only in seed, share their vectors. */
    static final long SEED = 42;

    private final Map<String, float[]> vectors;
    private final int dimension;
    private final float[] zeros;

    DomainVectors(Map<String, float[]> vectors, int dimension) {
        this.vectors = vectors;
        this.dimension = dimension;
        this.zeros = new float[dimension];
    }

    /**
     * Trains {@code dimension}-sized vectors over the sentences of {@code tables}, for words seen at least
     * {@code minCount} times; one worker thread, so the same text gives the same vectors.
     */
    public static DomainVectors train(List<TokenTable> tables, int dimension, int minCount, int epochs) {
        List<String> sentences = new ArrayList<>();
        for (TokenTable t : tables) {
            for (int s = 0; s < t.sentenceCount(); s++) {
                StringBuilder b = new StringBuilder();
                for (int i = t.sentenceBegin(s); i < t.sentenceEnd(s); i++) {
                    b.append(key(t.word(i))).append(' ');
                }
                sentences.add(b.toString());
            }
        }
        Word2Vec w2v = new Word2Vec.Builder().layerSize(dimension).windowSize(5).minWordFrequency(minCount)
                .epochs(epochs).iterations(1).seed(SEED).workers(1).useHierarchicSoftmax(false).negativeSample(5)
                .iterate(new CollectionSentenceIterator(sentences)).tokenizerFactory(new DefaultTokenizerFactory())
                .build();
        w2v.fit();
        Map<String, float[]> out = new HashMap<>();
        for (String word : w2v.vocab().words()) {
            double[] v = w2v.getWordVector(word);
            if (v != null) {
                out.put(word, unit(v));
            }
        }
        return new DomainVectors(out, dimension);
    }

    /** The normalised word with whitespace (a few CoreNLP tokens hold spaces) made '_' so it stays one token. */
    static String key(String word) {
        return PretrainedVectors.normalise(word).replaceAll("\\s", "_");
    }

    private static float[] unit(double[] v) {
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        float[] f = new float[v.length];
        for (int k = 0; k < v.length; k++) {
            f[k] = norm > 0 ? (float) (v[k] / norm) : 0f;
        }
        return f;
    }

    public int dimension() {
        return dimension;
    }

    public int size() {
        return vectors.size();
    }

    /** The word's vector, zeros when it was not learnt; do not modify. */
    public float[] get(String word) {
        return vectors.getOrDefault(key(word), zeros);
    }

    /** One line per word, {@code word<TAB>v1 v2 ...}, sorted, for the model bundle. */
    public List<String> toLines() {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, float[]> e : new TreeMap<>(vectors).entrySet()) {
            StringBuilder b = new StringBuilder(e.getKey()).append('\t');
            float[] v = e.getValue();
            for (int k = 0; k < v.length; k++) {
                b.append(k == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.5g", v[k]));
            }
            lines.add(b.toString());
        }
        return lines;
    }

    /** Reads {@link #toLines()}; every vector must have {@code dimension} numbers. */
    public static DomainVectors fromLines(List<String> lines, int dimension) {
        Map<String, float[]> vectors = new HashMap<>();
        for (String line : lines) {
            if (line.isEmpty()) {
                continue;
            }
            int tab = line.indexOf('\t');
            String[] parts = tab < 0 ? new String[0] : line.substring(tab + 1).split(" ");
            if (parts.length != dimension) {
                throw new IllegalArgumentException("domain vector line has " + parts.length + " numbers, not "
                        + dimension + ": " + line.substring(0, Math.min(40, line.length())));
            }
            float[] v = new float[dimension];
            for (int k = 0; k < dimension; k++) {
                v[k] = Float.parseFloat(parts[k]);
            }
            vectors.put(line.substring(0, tab), v);
        }
        return new DomainVectors(vectors, dimension);
    }
}
