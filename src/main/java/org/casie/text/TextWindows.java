package org.casie.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a long text into consecutive windows of at most {@link #MAX_WINDOW_CHARS} characters, so that CoreNLP,
 * BERT and the taggers each see a bounded stretch. A window ends at the last paragraph break (blank line) in
 * its second half, else the last line break there, else the last blank, else at the limit (a run of
 * non-blank characters longer than a window is cut into pieces). The windows cover the text exactly; a text
 * of at most {@link #MAX_WINDOW_CHARS} characters is one window (the longest CASIE article has 7,130).
 */
public final class TextWindows {

    /** Longest window, in characters (about 4,000 tokens of news text). */
    public static final int MAX_WINDOW_CHARS = 20_000;

    private TextWindows() {
    }

    /** A window {@code [begin, end)} of the text. */
    public record Window(int begin, int end) {
        public String of(String text) {
            return text.substring(begin, end);
        }
    }

    public static List<Window> of(String text) {
        return of(text, MAX_WINDOW_CHARS);
    }

    /** Windows of at most {@code max} characters. */
    public static List<Window> of(String text, int max) {
        if (max < 2) {
            throw new IllegalArgumentException("windows need at least 2 characters, not " + max);
        }
        List<Window> out = new ArrayList<>();
        int begin = 0, n = text.length();
        while (n - begin > max) {
            int end = cut(text, begin, begin + max);
            out.add(new Window(begin, end));
            begin = end;
        }
        out.add(new Window(begin, n));
        return out;
    }

    /** Where to end the window starting at {@code begin} that may not reach past {@code limit}. */
    private static int cut(String text, int begin, int limit) {
        int half = begin + (limit - begin) / 2;
        int line = -1, blank = -1;
        for (int i = limit - 1; i >= half; i--) { // only the second half is read: linear in the text overall
            char c = text.charAt(i);
            if (c == '\n' && i > begin && text.charAt(i - 1) == '\n') {
                return i + 1;
            }
            if (c == '\n' && line < 0) {
                line = i + 1;
            } else if (LongRunMask.isBlank(c) && blank < 0) {
                blank = i + 1;
            }
        }
        if (line >= 0) {
            return line;
        }
        if (blank >= 0) {
            return blank;
        }
        // No blank in the second half: cut at the limit, never between the halves of a surrogate pair.
        return Character.isLowSurrogate(text.charAt(limit)) && Character.isHighSurrogate(text.charAt(limit - 1))
                ? limit - 1 : limit;
    }
}
