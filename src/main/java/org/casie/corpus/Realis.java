package org.casie.corpus;

import java.util.Optional;

/** Whether an event actually happened ({@code Actual}), is spoken of in general, or is hypothetical/other. */
public enum Realis {
    Actual, Generic, Other;

    public static Optional<Realis> parse(String label) {
        for (Realis r : values()) {
            if (r.name().equals(label)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
