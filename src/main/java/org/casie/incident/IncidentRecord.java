package org.casie.incident;

import org.casie.corpus.Realis;
import org.casie.corpus.Role;
import org.casie.corpus.Subtype;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One incident of an article (one event hopper): what an analyst reads.
 *
 * @param id               {@code I1}, {@code I2}, ... in hopper order
 * @param subtype          the event subtype
 * @param realis           the majority realis of its event mentions
 * @param triggers         the trigger mentions
 * @param date             ISO-8601 date of the first Time filler the text fixes, or {@code null}
 * @param place            canonical name of the first Place filler, or {@code null}
 * @param primaryVictim    the best-ranked victim, or {@code null}
 * @param primaryAttacker  the best-ranked attacker (or the party the article accuses), or {@code null}
 * @param roles            per role the entities, best first; roles without entities are absent
 */
public record IncidentRecord(String id, Subtype subtype, Realis realis, List<Mention> triggers, String date,
                             String place, Entity primaryVictim, Entity primaryAttacker, Map<Role, List<Entity>> roles) {

    public IncidentRecord {
        triggers = List.copyOf(triggers);
        Map<Role, List<Entity>> copy = new LinkedHashMap<>();
        roles.forEach((r, es) -> copy.put(r, List.copyOf(es)));
        roles = Collections.unmodifiableMap(copy);
    }

    /** The entities of {@code role}, best first (empty when none). */
    public List<Entity> entities(Role role) {
        return roles.getOrDefault(role, List.of());
    }
}
