package org.casie.examples;

import org.casie.text.PosTags;
import org.casie.text.TokenTable;

import java.util.Set;

/**
 * Spans made only of function words and punctuation ("An", "the", "of", ","): no CASIE trigger is one, and
 * 3 of the 16,650 arguments in the 800 shared documents are ("some", "this"), so the taggers drop such
 * spans instead of printing "Tool: An". Web addresses (POS {@code ADD}) and all content words count as content.
 */
public final class FunctionWordSpans {

    /** Penn Treebank tags of determiners, prepositions, conjunctions, particles, modals and punctuation. */
    static final Set<String> FUNCTION_TAGS = PosTags.union(PosTags.FUNCTION_WORDS, PosTags.PUNCTUATION);

    private FunctionWordSpans() {
    }

    /** Whether every token of {@code span} is a function word or punctuation. */
    public static boolean onlyFunctionWords(TokenTable tokens, TokenSpan span) {
        for (int i = span.begin(); i < span.end(); i++) {
            if (!FUNCTION_TAGS.contains(tokens.pos(i))) {
                return false;
            }
        }
        return true;
    }
}
