package org.casie.coref;

import org.casie.corpus.EventMention;
import org.casie.corpus.Role;
import org.casie.corpus.Subtype;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the pair features know about one event mention, read once from its trigger, arguments and tokens.
 * Words are lower-cased lemmas of content tokens (determiners, prepositions, pronouns and punctuation dropped).
 *
 * @param index          position among the document's mentions in text order
 * @param mention        the mention itself
 * @param sentence       sentence of the trigger's first token
 * @param triggerWords   content lemmas of the trigger (all its lemmas when none is a content word)
 * @param head           lemma of the trigger's syntactic head (its last token without a parse)
 * @param determiner     lower-cased determiner of the trigger, inside it ("the breach") or just before it
 *                       ("a massive [data breach]"); "" when it has none
 * @param triggerVector  mean frozen 50-d vector of the trigger's content words, {@code null} when none is known
 * @param roleTexts      per role, the normalised argument texts (content lemmas joined by spaces)
 * @param roleWords      per role, the content lemmas of its arguments
 * @param argumentTexts  normalised texts of all arguments
 * @param argumentWords  content lemmas of all arguments
 * @param sentenceNames  names in the trigger's sentence: proper nouns, named entities and CVE ids, lower-cased
 * @param rankInSubtype  how many mentions of the same subtype come before this one
 */
public record CorefMention(int index, EventMention mention, int sentence, List<String> triggerWords, String head,
                           String determiner, float[] triggerVector, Map<Role, Set<String>> roleTexts,
                           Map<Role, Set<String>> roleWords, Set<String> argumentTexts, Set<String> argumentWords,
                           Set<String> sentenceNames, int rankInSubtype) {

    public Subtype subtype() {
        return mention.subtype();
    }
}
