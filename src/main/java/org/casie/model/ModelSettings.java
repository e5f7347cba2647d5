package org.casie.model;

import org.casie.examples.ArgumentPriming;
import org.casie.examples.FeatureMask;
import org.casie.examples.SpanRepair;
import org.casie.text.AnnotatorConfig;
import org.casie.text.bert.EncoderSpec;

import java.util.List;

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
 * @param encoder         contextual encoder of the accurate profile, {@code null} for the fast profile
 * @param contextProjection size the contextual vectors are projected to before the BiLSTM
 * @param disabledFeatures feature groups left out, for ablations ({@link FeatureMask}); none by default
 * @param domainVectors   size of the word vectors learnt from the training text (Word2Vec); 0: none
 * @param spanRepair      whole-phrase repairs of decoded spans ({@link SpanRepair} rule names); absent (bundles
 *                        written before the rules existed): {@link SpanRepair#DEFAULT}
 * @param argumentPriming how the encoder reads argument queries ({@link ArgumentPriming}: none, markers,
 *                        prompt, both); absent (bundles written before priming existed): none
 */
public record ModelSettings(AnnotatorConfig annotators, int triggerContext, int argumentContext, int maxTokens,
                            int minWordCount, NetworkConfig trigger, NetworkConfig argument, EncoderSpec encoder,
                            int contextProjection, List<String> disabledFeatures, int domainVectors,
                            List<String> spanRepair, String argumentPriming) {

    /** Every feature group in use: the form of bundles written before feature groups could be left out. */
    public ModelSettings(AnnotatorConfig annotators, int triggerContext, int argumentContext, int maxTokens,
                         int minWordCount, NetworkConfig trigger, NetworkConfig argument, EncoderSpec encoder,
                         int contextProjection) {
        this(annotators, triggerContext, argumentContext, maxTokens, minWordCount, trigger, argument, encoder,
                contextProjection, List.of(), 0, null, null);
    }

    /** The default span repairs: the form of bundles written before span repairs could be chosen. */
    public ModelSettings(AnnotatorConfig annotators, int triggerContext, int argumentContext, int maxTokens,
                         int minWordCount, NetworkConfig trigger, NetworkConfig argument, EncoderSpec encoder,
                         int contextProjection, List<String> disabledFeatures, int domainVectors) {
        this(annotators, triggerContext, argumentContext, maxTokens, minWordCount, trigger, argument, encoder,
                contextProjection, disabledFeatures, domainVectors, null, null);
    }

    public ModelSettings {
        if (annotators == null || trigger == null || argument == null) {
            throw new IllegalArgumentException("annotators, trigger and argument settings are required");
        }
        Checks.range("triggerContext", triggerContext, 0, 10);
        Checks.range("argumentContext", argumentContext, 0, 10);
        Checks.range("maxTokens", maxTokens, 8, 100_000);
        Checks.range("minWordCount", minWordCount, 1, Integer.MAX_VALUE);
        Checks.range("contextProjection", contextProjection, encoder == null ? 0 : 1, NetworkConfig.MAX_WIDTH);
        disabledFeatures = new FeatureMask(disabledFeatures).disabled();
        Checks.range("domainVectors", domainVectors, 0, 1024);
        spanRepair = (spanRepair == null ? SpanRepair.DEFAULT : new SpanRepair(spanRepair)).rules();
        argumentPriming = ArgumentPriming.parse(argumentPriming).label();
        if (encoder == null && !argumentPriming.equals(ArgumentPriming.NONE.label())) {
            throw new IllegalArgumentException("argumentPriming '" + argumentPriming + "' needs an encoder (the accurate profile)");
        }
    }

    /** The fast profile: no contextual encoder. */
    public static ModelSettings defaults() {
        return new ModelSettings(AnnotatorConfig.FULL, 0, 0, 160, 2, NetworkConfig.defaults(), NetworkConfig.defaults(),
                null, 0);
    }

    /** The same settings with another encoder. */
    public ModelSettings withEncoder(EncoderSpec newEncoder) {
        return new ModelSettings(annotators, triggerContext, argumentContext, maxTokens, minWordCount, trigger, argument,
                newEncoder, contextProjection, disabledFeatures, domainVectors, spanRepair, argumentPriming);
    }

    /** The same settings decoding with other span repairs. */
    public ModelSettings withSpanRepair(SpanRepair repair) {
        return new ModelSettings(annotators, triggerContext, argumentContext, maxTokens, minWordCount, trigger, argument,
                encoder, contextProjection, disabledFeatures, domainVectors, repair.rules(), argumentPriming);
    }

    public ArgumentPriming priming() {
        return ArgumentPriming.parse(argumentPriming);
    }

    public SpanRepair repairs() {
        return new SpanRepair(spanRepair);
    }

    public FeatureMask features() {
        return new FeatureMask(disabledFeatures);
    }

    public String profile() {
        return encoder == null ? "fast" : "accurate";
    }

    /** Width of the argument tagger's contextual input: wider when primed and shared vectors are both read. */
    public int argumentContextDimension() {
        return contextDimension() * priming().widthFactor();
    }

    /** Width of the contextual input (0 for the fast profile). */
    public int contextDimension() {
        return encoder == null ? 0 : EncoderSpec.DIMENSION;
    }
}
