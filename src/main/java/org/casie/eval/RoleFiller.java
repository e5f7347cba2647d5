package org.casie.eval;

import org.casie.corpus.Role;
import org.casie.corpus.Subtype;

/** One document-level role filler: an event subtype, a role, and the filler's normalised text ({@link FillerText}). */
public record RoleFiller(Subtype subtype, Role role, String text) {

    /** The filler with {@code raw} normalised, or {@code null} when nothing but pronouns and function words is left. */
    public static RoleFiller of(Subtype subtype, Role role, String raw) {
        String text = FillerText.normalise(raw);
        return text.isEmpty() ? null : new RoleFiller(subtype, role, text);
    }
}
