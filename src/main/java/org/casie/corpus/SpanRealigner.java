package org.casie.corpus;

import java.util.Optional;

/**
 * Repairs spans whose offsets are shifted (the public CASIE files have spans off by -1, -2 or -12
 * characters): the span moves to the occurrence of its text nearest to the recorded start.
 */
public final class SpanRealigner {

    private SpanRealigner() {
    }

    /** The span itself when it covers {@code text}; else the nearest occurrence; empty when the text does not occur. */
    public static Optional<CharSpan> realign(String content, CharSpan recorded, String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        if (recorded.end() <= content.length() && content.startsWith(text, recorded.begin())
                && recorded.length() == text.length()) {
            return Optional.of(recorded);
        }
        int best = -1;
        int bestDistance = Integer.MAX_VALUE;
        for (int at = content.indexOf(text); at >= 0; at = content.indexOf(text, at + 1)) {
            int distance = Math.abs(at - recorded.begin());
            if (distance < bestDistance) {
                best = at;
                bestDistance = distance;
            }
            if (at > recorded.begin()) {
                break; // later occurrences are only further away
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(new CharSpan(best, best + text.length()));
    }
}
