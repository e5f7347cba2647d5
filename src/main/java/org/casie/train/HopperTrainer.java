package org.casie.train;

import org.casie.corpus.Document;
import org.casie.corpus.EventMention;
import org.casie.corpus.Hopper;
import org.casie.coref.HopperClustering;
import org.casie.coref.HopperGrouping;
import org.casie.coref.MentionPairFeatures;
import org.casie.coref.MentionPairs;
import org.casie.eval.CoreferenceScorer;
import org.casie.examples.AnnotatedText;
import org.casie.examples.PretrainedVectors;
import org.casie.model.HopperClassifier;
import org.casie.model.HopperSettings;
import org.casie.model.PairNetworkBuilder;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Trains the hopper classifier on the gold mentions of the training documents: every pair of mentions of
 * one subtype is an example, positive when both are in one gold hopper (about half are). With dev documents,
 * each epoch is judged by dev CoNLL F1 on gold mentions with the best clustering and threshold, the best
 * epoch's weights and decision are kept and training stops after {@code patience} epochs without a gain;
 * without dev, all epochs run and the configured decision is used.
 */
public final class HopperTrainer {

    /** Link thresholds tried on dev: 0.05, 0.10, ..., 0.95. */
    static final double[] THRESHOLDS = thresholds();

    /** A clustering decision and the dev scores (gold mentions) it gives. */
    public record Decision(HopperClustering clustering, double threshold, CoreferenceScorer.Scores scores) {
    }

    /**
     * @param classifier the trained classifier, {@code null} when the training documents hold no mention pair
     * @param tuning     on dev, the best threshold of each clustering at the chosen epoch (empty without dev)
     */
    public record Outcome(HopperClassifier classifier, int pairs, int positives, int bestEpoch, List<EpochLog> epochs,
                          List<Decision> tuning, double seconds) {
    }

    private final HopperConfig config;
    private final long seed;
    private final TrainingMonitor monitor;

    public HopperTrainer(HopperConfig config, long seed, TrainingMonitor monitor) {
        this.config = config;
        this.seed = seed;
        this.monitor = monitor;
    }

    public Outcome train(List<AnnotatedText> train, List<AnnotatedText> dev) {
        long start = System.nanoTime();
        MentionPairFeatures features = new MentionPairFeatures(PretrainedVectors.coreNlp());
        List<float[]> x = new ArrayList<>();
        List<Boolean> y = new ArrayList<>();
        for (AnnotatedText t : train) {
            Map<EventMention, Integer> hopperOf = new IdentityHashMap<>();
            List<Hopper> hoppers = t.document().hoppers();
            for (int h = 0; h < hoppers.size(); h++) {
                for (EventMention e : hoppers.get(h).events()) {
                    hopperOf.putIfAbsent(e, h);
                }
            }
            MentionPairs pairs = features.pairs(features.describe(t.document().events().toList(), t.tokens()));
            for (int p = 0; p < pairs.size(); p++) {
                EventMention a = pairs.mentions().get(pairs.antecedents()[p]).mention();
                EventMention b = pairs.mentions().get(pairs.anaphors()[p]).mention();
                x.add(pairs.features()[p]);
                y.add(hopperOf.get(a).equals(hopperOf.get(b)));
            }
        }
        int positives = (int) y.stream().filter(Boolean::booleanValue).count();
        monitor.message("hoppers: " + x.size() + " training pairs (" + positives + " coreferent), "
                + MentionPairFeatures.NAMES.size() + " features");
        if (x.isEmpty()) {
            return new Outcome(null, 0, 0, 0, List.of(), List.of(), (System.nanoTime() - start) / 1e9);
        }

        MultiLayerNetwork net = PairNetworkBuilder.build(MentionPairFeatures.NAMES.size(), config.hidden(),
                config.dropout(), config.learningRate(), config.l2(), seed);
        HopperClassifier classifier = new HopperClassifier(net,
                new HopperSettings(MentionPairFeatures.NAMES, config.clustering(), config.threshold()),
                features);
        List<Document> devGold = dev.stream().map(AnnotatedText::document).toList();
        List<MentionPairs> devPairs = dev.stream()
                .map(t -> classifier.pairs(t.document().events().toList(), t.tokens())).toList();

        Random random = new Random(seed);
        Nd4j.getRandom().setSeed(seed);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < x.size(); i++) {
            order.add(i);
        }
        INDArray best = null;
        List<Decision> bestTuning = List.of();
        double bestF1 = -1;
        int bestEpoch = 0;
        List<EpochLog> log = new ArrayList<>();
        for (int epoch = 1; epoch <= config.maxEpochs(); epoch++) {
            long epochStart = System.nanoTime();
            Collections.shuffle(order, random);
            double lossSum = 0;
            int batches = 0;
            for (int b = 0; b < order.size(); b += config.batchSize()) {
                List<Integer> batch = order.subList(b, Math.min(order.size(), b + config.batchSize()));
                float[][] inputs = new float[batch.size()][];
                float[][] labels = new float[batch.size()][1];
                for (int i = 0; i < batch.size(); i++) {
                    inputs[i] = x.get(batch.get(i));
                    labels[i][0] = y.get(batch.get(i)) ? 1 : 0;
                }
                net.fit(new DataSet(Nd4j.create(inputs), Nd4j.create(labels)));
                lossSum += net.score();
                batches++;
            }
            double f1 = Double.NaN;
            boolean improved = dev.isEmpty();
            if (!dev.isEmpty()) {
                List<Decision> tuning = tune(classifier, devGold, devPairs);
                f1 = tuning.get(0).scores().conllF1() * 100;
                improved = f1 > bestF1;
                if (improved) {
                    bestF1 = f1;
                    bestEpoch = epoch;
                    bestTuning = tuning;
                    best = net.params().dup();
                }
            } else {
                bestEpoch = epoch;
            }
            double seconds = (System.nanoTime() - epochStart) / 1e9;
            log.add(new EpochLog("hopper", epoch, lossSum / Math.max(1, batches), f1, seconds));
            monitor.epochDone("hopper", epoch, lossSum / Math.max(1, batches), f1, improved);
            if (!dev.isEmpty() && epoch - bestEpoch >= config.patience()) {
                break;
            }
        }
        HopperClassifier trained = classifier;
        if (best != null) {
            net.setParams(best);
            Decision d = bestTuning.get(0);
            trained = classifier.withDecision(d.clustering(), d.threshold());
        }
        return new Outcome(trained, x.size(), positives, bestEpoch, log, bestTuning, (System.nanoTime() - start) / 1e9);
    }

    /**
     * For each clustering, the threshold with the best dev CoNLL F1 (gold mentions), the best decision first
     * (ties: the clustering listed first). When several thresholds tie for best, the middle one is taken: on a
     * plateau it leaves the most room either side.
     */
    static List<Decision> tune(HopperClassifier classifier, List<Document> gold, List<MentionPairs> pairs) {
        List<double[]> probabilities = pairs.stream().map(classifier::probabilities).toList();
        List<Decision> out = new ArrayList<>();
        for (HopperClustering clustering : HopperClustering.values()) {
            List<Decision> all = new ArrayList<>();
            for (double threshold : THRESHOLDS) {
                List<Document> predicted = new ArrayList<>(gold.size());
                for (int d = 0; d < gold.size(); d++) {
                    MentionPairs p = pairs.get(d);
                    predicted.add(HopperGrouping.withGroups(gold.get(d),
                            p.mentionsOf(clustering.cluster(p, probabilities.get(d), threshold))));
                }
                all.add(new Decision(clustering, threshold, CoreferenceScorer.score(gold, predicted)));
            }
            double best = all.stream().mapToDouble(d -> d.scores().conllF1()).max().orElse(0);
            List<Decision> tied = all.stream().filter(d -> d.scores().conllF1() >= best - 1e-9).toList();
            out.add(tied.get((tied.size() - 1) / 2));
        }
        out.sort((a, b) -> Double.compare(b.scores().conllF1(), a.scores().conllF1()));
        return out;
    }

    private static double[] thresholds() {
        double[] t = new double[19];
        for (int i = 0; i < t.length; i++) {
            t[i] = Math.round((i + 1) * 5) / 100.0;
        }
        return t;
    }
}
