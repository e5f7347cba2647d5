package org.casie.corpus;

import java.util.Optional;

/** The five CASIE event subtypes, each with the event type it belongs to. */
public enum Subtype {
    Databreach("Attack"),
    Phishing("Attack"),
    Ransom("Attack"),
    DiscoverVulnerability("Vulnerability-related"),
    PatchVulnerability("Vulnerability-related");

    private final String type;

    Subtype(String type) {
        this.type = type;
    }

    /** The CASIE event type: {@code Attack} or {@code Vulnerability-related}. */
    public String type() {
        return type;
    }

    public static Optional<Subtype> parse(String label) {
        for (Subtype s : values()) {
            if (s.name().equals(label)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
