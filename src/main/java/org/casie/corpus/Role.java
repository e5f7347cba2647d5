package org.casie.corpus;

import java.util.Optional;

/** The 26 CASIE argument roles; {@link #label()} is the spelling used in the corpus JSON. */
public enum Role {
    ATTACK_PATTERN("Attack-Pattern"),
    ATTACKER("Attacker"),
    CAPABILITIES("Capabilities"),
    COMPROMISED_DATA("Compromised-Data"),
    CVE("CVE"),
    DAMAGE_AMOUNT("Damage-Amount"),
    DISCOVERER("Discoverer"),
    ISSUES_ADDRESSED("Issues-Addressed"),
    NUMBER_OF_DATA("Number-of-Data"),
    NUMBER_OF_VICTIM("Number-of-Victim"),
    PATCH("Patch"),
    PATCH_NUMBER("Patch-Number"),
    PAYMENT_METHOD("Payment-Method"),
    PLACE("Place"),
    PRICE("Price"),
    PURPOSE("Purpose"),
    RELEASER("Releaser"),
    SUPPORTED_PLATFORM("Supported_Platform"),
    TIME("Time"),
    TOOL("Tool"),
    TRUSTED_ENTITY("Trusted-Entity"),
    VICTIM("Victim"),
    VULNERABILITY("Vulnerability"),
    VULNERABLE_SYSTEM("Vulnerable_System"),
    VULNERABLE_SYSTEM_OWNER("Vulnerable_System_Owner"),
    VULNERABLE_SYSTEM_VERSION("Vulnerable_System_Version");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Role> parse(String label) {
        for (Role r : values()) {
            if (r.label.equals(label)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
