package org.casie.examples;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Feature groups a model leaves out, for ablations. A left-out group keeps its place in the input and is
 * always zero (the padding index, for the embeddings), so the networks keep their
 * shapes, and training and tagging read the same input through the same path.
 */
public record FeatureMask(List<String> disabled) {

    /** Token features every tagger reads. */
    public static final List<String> TOKEN_GROUPS = List.of("words", "affixes", "pretrained", "shape", "lexicon",
            "pos", "ner", "dependency");
    /** What the argument tagger knows of the trigger it reads for. */
    public static final List<String> ARGUMENT_GROUPS = List.of("otherTriggers", "subtype", "tokenDistance",
            "treeDistance", "sameSentence");
    public static final FeatureMask NONE = new FeatureMask(List.of());

    public FeatureMask {
        Set<String> sorted = new TreeSet<>(disabled == null ? List.of() : disabled);
        for (String g : sorted) {
            if (!TOKEN_GROUPS.contains(g) && !ARGUMENT_GROUPS.contains(g)) {
                throw new IllegalArgumentException("unknown feature group '" + g + "'; known: " + TOKEN_GROUPS + " "
                        + ARGUMENT_GROUPS);
            }
        }
        disabled = List.copyOf(sorted);
    }

    public boolean uses(String group) {
        return !disabled.contains(group);
    }
}
