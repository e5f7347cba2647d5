package org.casie.text;

import java.util.HashSet;
import java.util.Set;

/** Groups of Penn Treebank part-of-speech tags (as CoreNLP's English tagger assigns them). */
public final class PosTags {

    private PosTags() {
    }

    /** Function words: determiners, prepositions, conjunctions, possessive endings, existential there, modals, particles. */
    public static final Set<String> FUNCTION_WORDS = Set.of("DT", "PDT", "WDT", "IN", "TO", "CC", "POS", "EX", "MD", "RP");

    /** Personal, possessive and wh- pronouns. */
    public static final Set<String> PRONOUNS = Set.of("PRP", "PRP$", "WP", "WP$");

    /** Punctuation, brackets, hyphens and other non-word symbols. */
    public static final Set<String> PUNCTUATION = Set.of(",", ".", ":", "``", "''", "-LRB-", "-RRB-", "HYPH", "NFP");

    /** The union of some groups. */
    @SafeVarargs
    public static Set<String> union(Set<String>... groups) {
        Set<String> all = new HashSet<>();
        for (Set<String> g : groups) {
            all.addAll(g);
        }
        return Set.copyOf(all);
    }
}
