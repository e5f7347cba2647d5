package org.casie.coref;

import org.casie.corpus.EventMention;

import java.util.ArrayList;
import java.util.List;

/**
 * The candidate pairs of one document: pair {@code p} links antecedent {@code antecedents[p]} to the later
 * mention {@code anaphors[p]} (indices into {@code mentions}, which are in text order) and has the feature
 * vector {@code features[p]}.
 */
public record MentionPairs(List<CorefMention> mentions, int[] antecedents, int[] anaphors, float[][] features) {

    public int size() {
        return antecedents.length;
    }

    /** Hoppers given as lists of mention indices, as lists of the mentions themselves. */
    public List<List<EventMention>> mentionsOf(List<List<Integer>> clusters) {
        List<List<EventMention>> out = new ArrayList<>(clusters.size());
        for (List<Integer> c : clusters) {
            out.add(c.stream().map(i -> mentions.get(i).mention()).toList());
        }
        return out;
    }
}
