package org.casie.examples;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Feature groups a model leaves out. A left-out group keeps its place in the input and is always zero (the
 * padding index, for the embeddings), so the networks keep their shapes, and training and tagging read the
 * same input through the same path. A token group prefixed {@code trigger:} or {@code argument:} is left
 * out of that tagger only (the fast trigger tagger does better without learned word embeddings, the
 * argument tagger worse).
 */
public record FeatureMask(List<String> disabled) {

    /** Token features every tagger reads. */
    public static final List<String> TOKEN_GROUPS = FeatureGroup.ids(false);
    /** What the argument tagger knows of the trigger it reads for. */
    public static final List<String> ARGUMENT_GROUPS = FeatureGroup.ids(true);
    public static final FeatureMask NONE = new FeatureMask(List.of());
    private static final String TRIGGER = "trigger:";
    private static final String ARGUMENT = "argument:";

    public FeatureMask {
        Set<String> sorted = new TreeSet<>(disabled == null ? List.of() : disabled);
        for (String g : sorted) {
            String group = g.startsWith(TRIGGER) ? g.substring(TRIGGER.length())
                    : g.startsWith(ARGUMENT) ? g.substring(ARGUMENT.length()) : g;
            boolean known = FeatureGroup.byId(group).map(f -> !f.argumentOnly() || !g.startsWith(TRIGGER)).orElse(false);
            if (!known) {
                throw new IllegalArgumentException("unknown feature group '" + g + "'; known: " + TOKEN_GROUPS + " "
                        + ARGUMENT_GROUPS + ", token groups also as trigger:GROUP or argument:GROUP");
            }
        }
        disabled = List.copyOf(sorted);
    }

    /** Whether {@code group} is read (scoped entries count only once {@link #forTrigger}/{@link #forArgument} applied). */
    public boolean uses(FeatureGroup group) {
        return !disabled.contains(group.id());
    }

    /** The groups the trigger tagger leaves out: the unscoped ones and those prefixed {@code trigger:}. */
    public FeatureMask forTrigger() {
        return scoped(TRIGGER, ARGUMENT);
    }

    /** The groups the argument tagger leaves out: the unscoped ones and those prefixed {@code argument:}. */
    public FeatureMask forArgument() {
        return scoped(ARGUMENT, TRIGGER);
    }

    private FeatureMask scoped(String mine, String other) {
        return new FeatureMask(disabled.stream().filter(g -> !g.startsWith(other))
                .map(g -> g.startsWith(mine) ? g.substring(mine.length()) : g).toList());
    }
}
