package org.casie.model;

import org.casie.text.AnnotatorConfig;

/**
 * Everything that shapes the extractor's input and networks; stored in the bundle so tagging rebuilds
 * exactly the input the model was trained on.
 *
 * @param annotators      CoreNLP annotators
 * @param triggerContext  neighbouring sentences either side given to the trigger tagger as context
 * @param argumentContext neighbouring sentences either side searched for arguments
 * @param maxTokens       longest token window fed to a tagger
 * @param minWordCount    training occurrences a word needs for its own learned embedding
 * @param trigger         trigger network
 * @param argument        argument network
 */
public record ModelSettings(AnnotatorConfig annotators, int triggerContext, int argumentContext, int maxTokens,
                            int minWordCount, NetworkConfig trigger, NetworkConfig argument) {

    public static ModelSettings defaults() {
        return new ModelSettings(AnnotatorConfig.FULL, 0, 0, 160, 2, NetworkConfig.defaults(), NetworkConfig.defaults());
    }
}
