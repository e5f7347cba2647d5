package org.casie.examples;

import org.casie.corpus.CharSpan;
import org.casie.text.TokenTable;

import java.util.Optional;

/** Maps character spans onto tokens and back. */
public final class SpanAligner {

    /**
     * @param tokens  the covering tokens
     * @param widened true when a span edge fell inside a token and the span grew to the token boundary
     */
    public record Alignment(TokenSpan tokens, boolean widened) {
    }

    private SpanAligner() {
    }

    /** The tokens overlapping {@code span}; empty when it covers no token (e.g. only whitespace). */
    public static Optional<Alignment> toTokens(TokenTable table, CharSpan span) {
        int first = table.tokenAtOrAfter(span.begin());
        if (first >= table.size() || table.begin(first) >= span.end()) {
            return Optional.empty();
        }
        int last = first;
        while (last + 1 < table.size() && table.begin(last + 1) < span.end()) {
            last++;
        }
        boolean widened = table.begin(first) < span.begin() || table.end(last) > span.end();
        return Optional.of(new Alignment(new TokenSpan(first, last + 1), widened));
    }

    public static CharSpan toChars(TokenTable table, TokenSpan span) {
        return new CharSpan(table.begin(span.begin()), table.end(span.end() - 1));
    }
}
