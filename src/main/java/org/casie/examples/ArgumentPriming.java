package org.casie.examples;

import org.casie.corpus.Subtype;

import java.util.List;
import java.util.Locale;

/**
 * How the encoder reads the text of an argument query (issue 19's priming). Unprimed, every query of a
 * sentence shares the sentence's vectors; primed, the encoder reads the sentence once per trigger with the
 * trigger wrapped in markers (and, for {@link #PROMPT}, the subtype in words before it), so every token's
 * vector is computed knowing which event is asked about: {@code data breach : ... the [ leak ] of ...}.
 */
public enum ArgumentPriming {
    /** The sentence's own vectors, shared by its queries. */
    NONE,
    /** {@code ... the [ leak ] of ...} */
    MARKERS,
    /** {@code data breach : ... the [ leak ] of ...} */
    PROMPT,
    /** {@link #PROMPT}'s vectors and the sentence's shared ones side by side (twice the width). */
    BOTH;

    public static final String OPEN = "[";
    public static final String CLOSE = "]";

    /** The settings' spelling: {@code none}, {@code markers}, {@code prompt}; {@code null} is {@code none}. */
    public static ArgumentPriming parse(String name) {
        if (name == null) {
            return NONE;
        }
        for (ArgumentPriming p : values()) {
            if (p.label().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("argumentPriming must be none, markers, prompt or both, not '" + name + "'");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How many vectors of the encoder's width each token's contextual input holds. */
    public int widthFactor() {
        return this == BOTH ? 2 : 1;
    }

    /** Words read before the sentence: the subtype in words and a colon, or nothing. */
    public List<String> prefix(Subtype subtype) {
        if (this != PROMPT && this != BOTH) {
            return List.of();
        }
        List<String> words = switch (subtype) {
            case Databreach -> List.of("data", "breach");
            case Phishing -> List.of("phishing");
            case Ransom -> List.of("ransom");
            case DiscoverVulnerability -> List.of("discover", "vulnerability");
            case PatchVulnerability -> List.of("patch", "vulnerability");
        };
        return java.util.stream.Stream.concat(words.stream(), java.util.stream.Stream.of(":")).toList();
    }
}
