package org.casie.examples;

import org.casie.text.bert.ContextVectors;

/**
 * Model input for one token sequence: indices into the learned embeddings, a dense vector per token, and,
 * for the accurate profile, the document's contextual vectors from token {@code contextFrom} on.
 *
 * @param words       word index per token
 * @param prefixes    3-character prefix index per token
 * @param suffixes    3-character suffix index per token
 * @param dense       {@code dense[t]}: pretrained vector, shape flags, lexicon, POS/NER/relation one-hots, task extras
 * @param context     the document's contextual vectors, or {@code null}
 * @param contextFrom the document token index of this sequence's first token
 */
public record SequenceFeatures(int[] words, int[] prefixes, int[] suffixes, float[][] dense, ContextVectors context,
                               int contextFrom) {

    public int length() {
        return words.length;
    }
}
