package org.casie.model;

import org.casie.corpus.Role;
import org.casie.examples.TokenSpan;

/** An argument found for one trigger, in token coordinates of its document. */
public record PredictedArgument(TokenSpan tokens, Role role, String entityType, double confidence) {
}
