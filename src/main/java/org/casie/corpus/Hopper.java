package org.casie.corpus;

import java.util.List;

/**
 * A group of event mentions that refer to the same real-world event (event coreference).
 *
 * @param index     the hopper's index in the document
 * @param relation  the CASIE {@code relation} field (usually {@code Same}), or {@code null} when absent
 * @param events    the coreferent event mentions
 */
public record Hopper(int index, String relation, List<EventMention> events) {

    public Hopper {
        events = List.copyOf(events);
    }
}
