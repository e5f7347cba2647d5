package org.casie.corpus;

/** A half-open character range {@code [begin, end)} into a document's {@code content}. */
public record CharSpan(int begin, int end) implements Comparable<CharSpan> {

    public CharSpan {
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("invalid span [" + begin + ", " + end + ")");
        }
    }

    public int length() {
        return end - begin;
    }

    public boolean overlaps(CharSpan other) {
        return begin < other.end && other.begin < end;
    }

    public boolean contains(CharSpan other) {
        return begin <= other.begin && other.end <= end;
    }

    /** The covered text, or {@code null} when the span runs past the end of {@code content}. */
    public String textIn(String content) {
        return end <= content.length() ? content.substring(begin, end) : null;
    }

    @Override
    public int compareTo(CharSpan o) {
        return begin != o.begin ? Integer.compare(begin, o.begin) : Integer.compare(end, o.end);
    }

    @Override
    public String toString() {
        return "[" + begin + "," + end + ")";
    }
}
