package org.casie.corpus;


/** The sentence around a span, by a plain boundary search: good enough to show context in reports. */
public final class Sentences {

    private Sentences() {
    }

    public static String around(String content, CharSpan span) {
        int begin = span.begin();
        while (begin > 0 && !isBoundary(content, begin - 1)) {
            begin--;
        }
        int end = Math.min(content.length(), span.end());
        while (end < content.length() && !isBoundary(content, end)) {
            end++;
        }
        if (end < content.length() && content.charAt(end) != '\n') {
            end++;
        }
        return content.substring(begin, end).strip().replaceAll("\\s+", " ");
    }

    private static boolean isBoundary(String s, int i) {
        char c = s.charAt(i);
        if (c == '\n') {
            return true;
        }
        if (c != '.' && c != '!' && c != '?') {
            return false;
        }
        // "2.0", "U.S." and "e.g." are not sentence ends: a boundary is followed by a space and not a lower-case word.
        return i + 1 >= s.length() || (Character.isWhitespace(s.charAt(i + 1))
                && (i + 2 >= s.length() || !Character.isLowerCase(s.charAt(i + 2))));
    }
}
