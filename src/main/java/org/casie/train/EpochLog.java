package org.casie.train;

/** One epoch of one task, as recorded in the bundle's provenance. */
public record EpochLog(String task, int epoch, double loss, double devF1, double seconds) {
}
