package org.casie.examples;

import org.casie.text.TokenTable;

/**
 * Repairs decoded spans that open a bracket without closing it, or close one they never opened
 * ("distributed denial-of-service (DDoS"): gold spans in CASIE keep brackets paired. The span is extended
 * to the matching bracket when it lies within a few tokens of the same sentence, else cut before the stray one.
 */
public final class BracketBalancer {

    /** How far a span may grow to reach its matching bracket. */
    static final int REACH = 4;

    private BracketBalancer() {
    }

    public static TokenSpan balance(TokenTable tokens, TokenSpan span) {
        int depth = 0, firstUnclosedOpen = -1, lastUnopenedClose = -1;
        for (int i = span.begin(); i < span.end(); i++) {
            if (isOpen(tokens.word(i))) {
                if (depth == 0) firstUnclosedOpen = i;
                depth++;
            } else if (isClose(tokens.word(i))) {
                if (depth == 0) {
                    lastUnopenedClose = i;
                } else {
                    depth--;
                }
            }
        }
        int begin = span.begin(), end = span.end();
        int sentence = tokens.sentence(span.begin());
        if (lastUnopenedClose >= 0) {
            int open = find(tokens, begin - 1, -1, sentence, true);
            if (open >= 0) {
                begin = open;
            } else {
                begin = lastUnopenedClose + 1;
            }
        }
        if (depth > 0 && begin <= firstUnclosedOpen) {
            int close = find(tokens, end, 1, sentence, false);
            if (close >= 0 && depth == 1) {
                end = close + 1;
            } else {
                end = firstUnclosedOpen;
            }
        }
        return begin < end ? new TokenSpan(begin, end) : span;
    }

    /** The nearest opening (or closing) bracket from {@code from} stepping by {@code step}, within reach. */
    private static int find(TokenTable tokens, int from, int step, int sentence, boolean open) {
        for (int i = from, n = 0; n < REACH && i >= 0 && i < tokens.size() && tokens.sentence(i) == sentence; i += step, n++) {
            String w = tokens.word(i);
            if (open ? isOpen(w) : isClose(w)) {
                return i;
            }
            if (open ? isClose(w) : isOpen(w)) {
                return -1;
            }
        }
        return -1;
    }

    static boolean isOpen(String w) {
        return w.equals("(") || w.equals("[") || w.equals("-LRB-") || w.equals("-LSB-");
    }

    static boolean isClose(String w) {
        return w.equals(")") || w.equals("]") || w.equals("-RRB-") || w.equals("-RSB-");
    }
}
