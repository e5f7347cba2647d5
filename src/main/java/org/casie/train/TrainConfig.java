package org.casie.train;

import org.casie.model.ModelSettings;

/**
 * Every training hyperparameter, with defaults that gave the best dev figures. A config file (JSON or
 * YAML) overrides any subset of these fields.
 *
 * @param model             input and network settings stored in the bundle
 * @param seed              seeds weight initialisation, dropout and batch order
 * @param maxEpochs         epoch limit for the trigger tagger
 * @param argumentMaxEpochs epoch limit for the argument tagger
 * @param patience          epochs without a better dev F1 before stopping
 * @param batchSize         sequences per minibatch
 */
public record TrainConfig(ModelSettings model, long seed, int maxEpochs, int argumentMaxEpochs, int patience,
                          int batchSize) {

    public static TrainConfig defaults() {
        return new TrainConfig(ModelSettings.defaults(), 42, 12, 12, 3, 32);
    }

    public TrainConfig withSeed(long newSeed) {
        return new TrainConfig(model, newSeed, maxEpochs, argumentMaxEpochs, patience, batchSize);
    }

    public TrainConfig withModel(ModelSettings newModel) {
        return new TrainConfig(newModel, seed, maxEpochs, argumentMaxEpochs, patience, batchSize);
    }

    public TrainConfig withEpochs(int epochs) {
        return new TrainConfig(model, seed, epochs, epochs, patience, batchSize);
    }
}
