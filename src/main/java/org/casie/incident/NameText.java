package org.casie.incident;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Cleaning a filler into a name: leading determiners and possessive pronouns, possessive {@code 's} and stray punctuation dropped. */
final class NameText {

    static final Set<String> DETERMINERS = Set.of("the", "a", "an", "this", "that", "these", "those", "its", "their",
            "his", "her", "our", "my", "your", "some", "any", "all", "both", "each", "every", "such", "another");
    static final Set<String> PRONOUNS = Set.of("i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours",
            "he", "him", "his", "she", "her", "hers", "it", "its", "they", "them", "their", "theirs", "itself",
            "themselves", "himself", "herself", "ourselves", "who", "whom", "whose", "which", "what", "someone",
            "somebody", "anyone", "everyone", "anybody", "everybody", "one", "ones");
    /** Words that name nothing on their own. */
    static final Set<String> FUNCTION_WORDS = Set.of("the", "a", "an", "this", "that", "these", "those", "other", "others",
            "another", "some", "many", "all", "both", "several", "most", "few", "each", "every", "such", "own", "same",
            "more", "less", "much", "any", "none", "of", "and", "or", "to", "in", "on", "at", "for", "by", "with", "from",
            "as", "is", "was", "were", "be", "been", "not", "no", "there", "here", "also", "then", "than");

    private NameText() {
    }

    /** "the company's" gives "company"; "Ciphr's" gives "Ciphr"; whitespace collapsed; case kept. */
    static String clean(String text) {
        String s = text.replaceAll("\\s+", " ").strip();
        s = s.replaceAll("['\u2019]s$", "").replaceAll("(?<=s)['\u2019]$", "");
        s = s.replaceAll("^[\\p{Punct}\u201c\u201d\u2018\u2019\\s]+", "").replaceAll("[\\s,;:.\u201c\u201d\"'(\\[]+$", "");
        if (s.startsWith("(") && s.endsWith(")")) {
            s = s.substring(1, s.length() - 1);
        }
        List<String> words = new ArrayList<>(Arrays.asList(s.split(" ")));
        while (words.size() > 1 && DETERMINERS.contains(words.get(0).toLowerCase(Locale.ROOT))) {
            words.remove(0);
        }
        return String.join(" ", words).strip();
    }

    /** Only pronouns, determiners and function words (or nothing at all). */
    static boolean namesNothing(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("['\u2019]s\\b", " ").replaceAll("[\\p{Punct}\u2019\u201c\u201d]", " ").strip();
        if (s.isEmpty()) {
            return true;
        }
        for (String w : s.split("\\s+")) {
            if (!PRONOUNS.contains(w) && !FUNCTION_WORDS.contains(w)) {
                return false;
            }
        }
        return true;
    }

    static boolean isPronounsOnly(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("['\u2019]s\\b", " ").replaceAll("[\\p{Punct}\u2019]", " ").strip();
        if (s.isEmpty()) {
            return false;
        }
        for (String w : s.split("\\s+")) {
            if (!PRONOUNS.contains(w)) {
                return false;
            }
        }
        return true;
    }
}
