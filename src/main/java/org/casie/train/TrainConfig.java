package org.casie.train;

import org.casie.model.ModelSettings;
import org.casie.model.NetworkConfig;
import org.casie.text.bert.EncoderSpec;

/**
 * Every training hyperparameter, with defaults that gave the best dev figures. A config file (JSON or
 * YAML) overrides any subset of these fields.
 *
 * @param model             input and network settings stored in the bundle
 * @param seed              seeds weight initialisation, dropout and batch order
 * @param maxEpochs         epoch limit for the trigger tagger
 * @param argumentMaxEpochs epoch limit for the argument tagger (0 leaves it untrained: trigger experiments)
 * @param patience          epochs without a better dev F1 before stopping
 * @param batchSize         sequences per minibatch
 * @param hoppers           the hopper classifier, trained after the taggers on gold mentions
 * @param weightAveraging   decay of the moving average of the taggers' weights that is scored on dev and
 *                          kept (0: the raw weights of the best epoch)
 * @param triggerNegatives  share of the trigger sequences without any trigger that each epoch trains on
 *                          (a fresh random share per epoch; 1: all)
 * @param paddingFree       train the taggers as they predict, through their padding-free twins
 *                          ({@link org.casie.model.PaddingFreeGraph}): padding in a minibatch then reaches no
 *                          sequence, and dev is scored as a finished model is; {@code false}: DL4J's bidirectional
 *                          wrapper as it is (how every model before it was trained)
 */
public record TrainConfig(ModelSettings model, long seed, int maxEpochs, int argumentMaxEpochs, int patience,
                          int batchSize, HopperConfig hoppers, double weightAveraging, double triggerNegatives,
                          boolean paddingFree) {

    public TrainConfig {
        if (model == null) {
            throw new IllegalArgumentException("model settings are required");
        }
        if (maxEpochs < 1 || argumentMaxEpochs < 0 || patience < 1 || batchSize < 1) {
            throw new IllegalArgumentException("maxEpochs, patience and batchSize must be at least 1 and argumentMaxEpochs "
                    + "at least 0 (are " + maxEpochs + ", " + patience + ", " + batchSize + ", " + argumentMaxEpochs + ")");
        }
        if (!(weightAveraging >= 0 && weightAveraging < 1)) {
            throw new IllegalArgumentException("weightAveraging must be in [0, 1), not " + weightAveraging);
        }
        if (!(triggerNegatives > 0 && triggerNegatives <= 1)) {
            throw new IllegalArgumentException("triggerNegatives must be in (0, 1], not " + triggerNegatives);
        }
    }

    public static TrainConfig defaults() {
        // A third of the trigger-less sentences per epoch: dev Trig-C 59.7 against 58.3 with all of them, in 45% less time.
        return new TrainConfig(ModelSettings.defaults(), 42, 8, 8, 3, 32, HopperConfig.defaults(), 0.998, 0.3, false);
    }

    /**
     * The accurate profile: BERT-base layer 8 vectors projected to 128 dimensions; a lower learning rate and
     * less dropout than the fast profile gave better dev F1 with these inputs, and every trigger-less sentence
     * in every epoch (dev Trig-C 64.3 against 62.4 with a third of them), and up to 12 argument epochs.
     */
    public static TrainConfig accurate() {
        NetworkConfig network = new NetworkConfig(50, 20, 128, 1, 0.3, 2e-3, 1e-5);
        ModelSettings fast = ModelSettings.defaults();
        ModelSettings model = new ModelSettings(fast.annotators(), fast.triggerContext(), fast.argumentContext(),
                fast.maxTokens(), fast.minWordCount(), network, network, EncoderSpec.defaults(), 128);
        TrainConfig base = defaults().withModel(model).withTriggerNegatives(1);
        // The argument tagger learns more slowly at this learning rate: dev Arg-C with gold triggers 64.7 at
        // epoch 8, 65.7 at 12 (seed 3); its epochs are shorter than the trigger tagger's, so no wall time is added.
        return base.withArgumentMaxEpochs(12);
    }

    public TrainConfig withArgumentMaxEpochs(int epochs) {
        return new TrainConfig(model, seed, maxEpochs, epochs, patience, batchSize, hoppers, weightAveraging, triggerNegatives, paddingFree);
    }

    public TrainConfig withTriggerNegatives(double share) {
        return new TrainConfig(model, seed, maxEpochs, argumentMaxEpochs, patience, batchSize, hoppers, weightAveraging, share, paddingFree);
    }

    public TrainConfig withSeed(long newSeed) {
        return new TrainConfig(model, newSeed, maxEpochs, argumentMaxEpochs, patience, batchSize, hoppers, weightAveraging, triggerNegatives, paddingFree);
    }

    public TrainConfig withModel(ModelSettings newModel) {
        return new TrainConfig(newModel, seed, maxEpochs, argumentMaxEpochs, patience, batchSize, hoppers, weightAveraging, triggerNegatives, paddingFree);
    }

    /** Epoch limit of both taggers (the hopper classifier keeps its own). */
    public TrainConfig withEpochs(int epochs) {
        return new TrainConfig(model, seed, epochs, epochs, patience, batchSize, hoppers, weightAveraging, triggerNegatives, paddingFree);
    }

    public TrainConfig withHoppers(HopperConfig newHoppers) {
        return new TrainConfig(model, seed, maxEpochs, argumentMaxEpochs, patience, batchSize, newHoppers, weightAveraging, triggerNegatives, paddingFree);
    }
}
