package org.casie.corpus;

import java.util.List;

/**
 * One event mention: its trigger (the CASIE "nugget"), subtype, realis and arguments.
 *
 * @param id          event id such as {@code E1}
 * @param triggerId   the nugget's annotation id such as {@code T8}
 * @param trigger     character span of the trigger
 * @param text        the trigger text
 * @param subtype     event subtype; the event type follows from it
 * @param realis      Actual, Generic or Other
 * @param arguments   the event's arguments
 * @param confidence  model confidence in [0,1] for predictions, {@code null} for gold
 */
public record EventMention(String id, String triggerId, CharSpan trigger, String text, Subtype subtype,
                           Realis realis, List<ArgumentMention> arguments, Double confidence) {

    public EventMention {
        arguments = List.copyOf(arguments);
    }
}
