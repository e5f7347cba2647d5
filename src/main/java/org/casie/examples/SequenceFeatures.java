package org.casie.examples;

/**
 * Model input for one token sequence: indices into the learned embeddings and a dense vector per token.
 *
 * @param words    word index per token
 * @param prefixes 3-character prefix index per token
 * @param suffixes 3-character suffix index per token
 * @param dense    {@code dense[t]}: pretrained vector, shape flags, POS/NER/relation one-hots, task extras
 */
public record SequenceFeatures(int[] words, int[] prefixes, int[] suffixes, float[][] dense) {

    public int length() {
        return words.length;
    }
}
