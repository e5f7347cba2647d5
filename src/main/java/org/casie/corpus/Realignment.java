package org.casie.corpus;

/** A span whose recorded offsets did not match its text and was moved to the nearest occurrence of that text. */
public record Realignment(String file, String path, String text, CharSpan from, CharSpan to) {

    @Override
    public String toString() {
        return file + ": " + path + ": '" + text + "' moved " + from + " -> " + to;
    }
}
