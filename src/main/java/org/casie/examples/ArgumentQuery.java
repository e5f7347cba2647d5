package org.casie.examples;

import org.casie.corpus.Subtype;

import java.util.List;

/**
 * One question to the argument tagger: "which spans in this window are arguments of this trigger?".
 *
 * @param trigger       the trigger's tokens
 * @param subtype       the trigger's event subtype
 * @param window        the tokens read
 * @param otherTriggers other triggers in the window (arguments of one event are often triggers of another)
 */
public record ArgumentQuery(TokenSpan trigger, Subtype subtype, Window window, List<TokenSpan> otherTriggers) {

    public ArgumentQuery {
        otherTriggers = List.copyOf(otherTriggers);
    }
}
