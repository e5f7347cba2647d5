package org.casie.examples;


/**
 * One training sequence: its features and, per output head, a label per token ({@code -1} where the
 * head has nothing to learn, e.g. realis outside triggers).
 */
public record TaggingExample(SequenceFeatures features, int[][] labels) {
}
