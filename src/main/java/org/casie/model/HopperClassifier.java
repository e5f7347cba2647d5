package org.casie.model;

import org.casie.corpus.EventMention;
import org.casie.coref.CorefMention;
import org.casie.coref.HopperClustering;
import org.casie.coref.HopperGrouping;
import org.casie.coref.MentionPairFeatures;
import org.casie.coref.MentionPairs;
import org.casie.examples.PretrainedVectors;
import org.casie.text.TokenTable;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/**
 * Learned hoppers: the pair network scores every candidate pair of a document's mentions (one
 * {@code output()} per document) and the configured clustering links those above the threshold.
 * Thread-safe.
 */
public final class HopperClassifier implements HopperGrouping {

    private final MultiLayerNetwork net;
    private final HopperSettings settings;
    private final MentionPairFeatures features;

    public HopperClassifier(MultiLayerNetwork net, HopperSettings settings, MentionPairFeatures features) {
        if (!settings.features().equals(MentionPairFeatures.NAMES)) {
            throw new IllegalArgumentException("the hopper network was trained on other pair features than this build's");
        }
        this.net = net;
        this.settings = settings;
        this.features = features;
    }

    /** A classifier over this build's pair features and the CoreNLP word vectors. */
    public static HopperClassifier of(MultiLayerNetwork net, HopperClustering clustering, double threshold) {
        return new HopperClassifier(net, new HopperSettings(MentionPairFeatures.NAMES, clustering, threshold),
                new MentionPairFeatures(PretrainedVectors.coreNlp()));
    }

    public MultiLayerNetwork network() { return net; }
    public HopperSettings settings() { return settings; }
    public MentionPairFeatures features() { return features; }

    /** The same network with another clustering decision. */
    public HopperClassifier withDecision(HopperClustering clustering, double threshold) {
        return new HopperClassifier(net, new HopperSettings(settings.features(), clustering, threshold), features);
    }

    /** The candidate pairs of a document's mentions, with their features. */
    public MentionPairs pairs(List<EventMention> mentions, TokenTable tokens) {
        List<CorefMention> described = features.describe(mentions, tokens);
        return features.pairs(described);
    }

    /** The coreference probability of each pair. */
    public double[] probabilities(MentionPairs pairs) {
        if (pairs.size() == 0) {
            return new double[0];
        }
        INDArray in = Nd4j.create(pairs.features());
        // A network keeps per-call state: each thread runs its own replica over the shared weights.
        INDArray out = NetworkReplicas.of(net).output(in, false);
        return out.dup('c').data().asDouble();
    }

    @Override
    public List<List<EventMention>> group(List<EventMention> mentions, TokenTable tokens) {
        MentionPairs pairs = pairs(mentions, tokens);
        return pairs.mentionsOf(settings.clustering().cluster(pairs, probabilities(pairs), settings.threshold()));
    }
}
