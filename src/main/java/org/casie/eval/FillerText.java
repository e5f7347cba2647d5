package org.casie.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How document-level role fillers are compared: lower case, punctuation turned into spaces, possessive
 * {@code 's} dropped, leading determiners and possessive pronouns dropped; a filler made only of pronouns
 * normalises to the empty string (and is left out on both sides).
 */
public final class FillerText {

    /** Pronouns: a filler made only of these says nothing about who or what. */
    public static final Set<String> PRONOUNS = Set.of("i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your",
            "yours", "he", "him", "his", "she", "her", "hers", "it", "its", "they", "them", "their", "theirs", "itself",
            "themselves", "himself", "herself", "ourselves", "this", "that", "these", "those", "who", "whom", "whose",
            "which", "what", "one", "ones", "someone", "somebody", "anyone", "everyone", "anybody", "everybody");

    /** Leading words dropped: articles, demonstratives and possessive pronouns. */
    public static final Set<String> LEADING = Set.of("the", "a", "an", "this", "that", "these", "those", "its", "their",
            "his", "her", "our", "my", "your", "some", "any", "all", "both", "each", "every", "such");

    private FillerText() {
    }

    /** The normalised filler, or {@code ""} when nothing but pronouns, determiners and punctuation is left. */
    public static String normalise(String filler) {
        List<String> words = words(filler);
        return String.join(" ", words);
    }

    /** The normalised filler's words (empty when only pronouns or function words remain). */
    public static List<String> words(String filler) {
        String s = filler.toLowerCase(Locale.ROOT).replaceAll("['\u2019]s\\b", " ");
        s = s.replaceAll("[\\p{Punct}\u2018\u2019\u201c\u201d\u2013\u2014\u00a0]", " ").strip();
        List<String> words = new ArrayList<>(Arrays.asList(s.isEmpty() ? new String[0] : s.split("\\s+")));
        while (!words.isEmpty() && LEADING.contains(words.get(0)) && words.size() > 1) {
            words.remove(0);
        }
        if (words.size() == 1 && LEADING.contains(words.get(0))) {
            words.clear();
        }
        if (words.stream().allMatch(PRONOUNS::contains)) {
            words.clear();
        }
        return words;
    }

    /** Equal normalised strings. */
    public static boolean exactMatch(String a, String b) {
        String x = normalise(a);
        return !x.isEmpty() && x.equals(normalise(b));
    }

    /**
     * Head match of two normalised fillers: the last word (head) of one is a word of the other, and the words of
     * the other are all among the first one's ("encrypted phone provider ciphr" and "ciphr"; not "provider").
     */
    public static boolean headMatch(String a, String b) {
        return headMatch(words(a), words(b));
    }

    /** {@link #headMatch(String, String)} on fillers already split by {@link #words}. */
    public static boolean headMatch(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        return covers(a, b) || covers(b, a);
    }

    /** {@code longer}'s head is a word of {@code shorter}, and every word of {@code shorter} is in {@code longer}. */
    private static boolean covers(List<String> longer, List<String> shorter) {
        return shorter.contains(longer.get(longer.size() - 1)) && longer.containsAll(shorter);
    }
}
