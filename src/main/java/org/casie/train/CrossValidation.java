package org.casie.train;

import org.casie.corpus.Document;
import org.casie.eval.EventScorer;
import org.casie.eval.Metric;
import org.casie.examples.AnnotatedText;
import org.casie.model.EventModel;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * K-fold cross-validation by document: each fold is tagged by a model trained on the other folds, whose
 * last tenth (by a seeded shuffle) serves as its dev set for early stopping, so the scored fold is never
 * seen in training or model selection.
 */
public final class CrossValidation {

    /** F1 (0-100) per fold and metric, realis accuracy per fold, and how many documents each fold scored. */
    public record Result(List<Map<Metric, Double>> folds, List<Double> realis, List<Integer> testDocuments) {

        public double mean(Metric m) {
            return folds.stream().mapToDouble(f -> f.get(m)).average().orElse(0);
        }

        /**
         * The figures as a bundle's provenance records them: per fold its documents and F1 per metric (and realis
         * accuracy), then the mean and sample standard deviation of each.
         */
        public Map<String, Object> summary() {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int k = 0; k < folds.size(); k++) {
                Map<String, Object> row = new java.util.LinkedHashMap<>();
                row.put("fold", k + 1);
                row.put("documents", testDocuments.get(k));
                folds.get(k).forEach((m, f1) -> row.put(m.label(), round(f1)));
                row.put("realis", round(realis.get(k)));
                rows.add(row);
            }
            Map<String, Object> mean = new java.util.LinkedHashMap<>(), sd = new java.util.LinkedHashMap<>();
            for (Metric m : Metric.values()) {
                mean.put(m.label(), round(mean(m)));
                sd.put(m.label(), round(std(m)));
            }
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            out.put("folds", rows);
            out.put("mean", mean);
            out.put("sd", sd);
            return out;
        }

        private static double round(double x) {
            return Math.round(x * 10) / 10.0;
        }

        /** Sample standard deviation over folds. */
        public double std(Metric m) {
            double mean = mean(m);
            double ss = folds.stream().mapToDouble(f -> (f.get(m) - mean) * (f.get(m) - mean)).sum();
            return folds.size() < 2 ? 0 : Math.sqrt(ss / (folds.size() - 1));
        }
    }

    private final TrainConfig config;
    private final TrainingMonitor monitor;

    public CrossValidation(TrainConfig config, TrainingMonitor monitor) {
        this.config = config;
        this.monitor = monitor;
    }

    public Result run(List<AnnotatedText> docs, int folds, int threads) {
        if (folds < 2 || folds > docs.size()) {
            throw new IllegalArgumentException("need 2 <= folds <= documents (" + docs.size() + "), not " + folds);
        }
        List<AnnotatedText> shuffled = new ArrayList<>(docs);
        java.util.Collections.shuffle(shuffled, new Random(config.seed()));
        List<Map<Metric, Double>> results = new ArrayList<>();
        List<Double> realis = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (int k = 0; k < folds; k++) {
            List<AnnotatedText> test = new ArrayList<>(), rest = new ArrayList<>();
            for (int i = 0; i < shuffled.size(); i++) {
                (i % folds == k ? test : rest).add(shuffled.get(i));
            }
            int devSize = Math.max(1, rest.size() / 10);
            List<AnnotatedText> dev = rest.subList(rest.size() - devSize, rest.size());
            List<AnnotatedText> train = rest.subList(0, rest.size() - devSize);
            monitor.message("fold " + (k + 1) + "/" + folds + ": " + train.size() + " train, " + dev.size() + " dev, "
                    + test.size() + " test documents");
            EventModel model = new EventTrainer(config, monitor).train(train, dev, threads).model();
            List<Document> gold = test.stream().map(AnnotatedText::document).toList();
            List<Document> predicted = DevEvaluation.predict(model.forInference(), test); // as a saved model tags
            EventScorer.Scores s = EventScorer.score(gold, predicted);
            Map<Metric, Double> f1 = new EnumMap<>(Metric.class);
            for (Metric m : Metric.values()) {
                f1.put(m, s.get(m).f1() * 100);
            }
            results.add(f1);
            realis.add(s.realisAccuracy() * 100);
            sizes.add(test.size());
            monitor.message(String.format("fold %d: Trig-C %.1f, Arg-C %.1f", k + 1, f1.get(Metric.TRIG_C),
                    f1.get(Metric.ARG_C)));
        }
        return new Result(results, realis, sizes);
    }
}
