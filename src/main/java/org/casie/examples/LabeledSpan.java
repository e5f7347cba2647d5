package org.casie.examples;

/**
 * A decoded span: its tokens, class index and confidence (mean probability of its labels).
 */
public record LabeledSpan(TokenSpan tokens, int cls, double confidence) {
}
