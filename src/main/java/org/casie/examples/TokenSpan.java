package org.casie.examples;

/** A half-open range {@code [begin, end)} of token indices. */
public record TokenSpan(int begin, int end) {

    public TokenSpan {
        if (begin < 0 || end <= begin) {
            throw new IllegalArgumentException("invalid token span [" + begin + ", " + end + ")");
        }
    }

    public int length() {
        return end - begin;
    }

    public boolean overlaps(TokenSpan o) {
        return begin < o.end && o.begin < end;
    }
}
