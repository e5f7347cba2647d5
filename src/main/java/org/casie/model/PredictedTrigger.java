package org.casie.model;

import org.casie.corpus.Realis;
import org.casie.corpus.Subtype;
import org.casie.examples.TokenSpan;

/** A trigger found by the trigger tagger, in token coordinates of its document. */
public record PredictedTrigger(TokenSpan tokens, Subtype subtype, Realis realis, double confidence) {
}
