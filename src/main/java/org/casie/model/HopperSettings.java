package org.casie.model;

import org.casie.coref.HopperClustering;

import java.util.List;

/**
 * What the hopper classifier needs besides its weights; stored in the bundle as {@code hopper.json}.
 *
 * @param features   the pair feature names the network was trained on, in input order
 * @param clustering how pair probabilities become hoppers
 * @param threshold  the pair probability a link must beat
 */
public record HopperSettings(List<String> features, HopperClustering clustering, double threshold) {

    public HopperSettings {
        features = List.copyOf(features);
    }
}
