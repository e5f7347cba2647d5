package org.casie.cli;

import org.casie.corpus.LoadedCorpus;
import org.casie.eval.Metric;
import org.casie.examples.AnnotatedText;
import org.casie.tag.TextAnnotator;
import org.casie.train.CrossValidation;
import org.casie.train.TrainConfig;
import org.casie.train.TrainingMonitor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.casie.io.AtomicFiles;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code casie cv}: K-fold cross-validation by document. */
@Command(name = "cv", mixinStandardHelpOptions = true,
        description = "K-fold cross-validation by document: every fold's figures, then their mean and standard deviation.")
public final class CvCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Directory of annotation JSON files.")
    Path data;

    @Option(names = "--docs", required = true, paramLabel = "LIST", description = "File of document ids.")
    Path docs;

    @Option(names = "--folds", defaultValue = "5", paramLabel = "K", description = "Folds (default ${DEFAULT-VALUE}).")
    int folds;

    @Mixin
    TrainingConfigOptions training;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Also write the figures as JSON (with the configuration and document ids), for "
                    + "'train --cross-validation' to record in a bundle's provenance.")
    Path report;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        TrainConfig cfg = training.resolve();
        LoadedCorpus corpus = CorpusInputs.load(data, docs, common.threads());
        List<AnnotatedText> texts;
        TextAnnotator annotator = new TextAnnotator(cfg.model(), common.cacheDir(), common.threads());
        try {
            texts = CorpusInputs.annotate(corpus.documents(), annotator, common.threads(), "");
            if (!annotator.primes()) {
                annotator.close(); // TensorFlow's memory is free for training; primed queries still need the encoder
            }
            return crossValidate(cfg, texts, corpus);
        } finally {
            annotator.close();
        }
    }

    private int crossValidate(TrainConfig cfg, List<AnnotatedText> texts, LoadedCorpus corpus) {
        TrainingMonitor monitor = new TrainingMonitor() {
            @Override
            public void message(String line) {
                System.err.println(line);
            }
        };
        CrossValidation.Result r;
        try {
            r = new CrossValidation(cfg, monitor).run(texts, folds, common.threads());
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        System.out.printf("%d-fold cross-validation over %d documents (F1; realis: accuracy over Trig-C matches)%n",
                folds, texts.size());
        System.out.print(table(r));
        if (report != null) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("folds", folds);
            json.put("seed", cfg.seed());
            json.put("profile", cfg.model().profile());
            json.put("documents", texts.stream().map(t -> t.document().id()).sorted().toList());
            json.put("config", cfg);
            json.putAll(r.summary());
            try {
                AtomicFiles.write(report, JSON.writeValueAsBytes(json));
            } catch (java.io.IOException e) {
                throw new UserException("cannot write the report " + report + ": " + e.getMessage());
            }
            System.out.println("wrote " + report);
        }
        return corpus.rejectedFiles().isEmpty() ? ExitCodes.OK : ExitCodes.SOME_INPUTS_FAILED;
    }

    /** One row per fold, then the mean and the sample standard deviation over folds. */
    static String table(CrossValidation.Result r) {
        StringBuilder out = new StringBuilder(String.format("%-6s %5s", "fold", "docs"));
        for (Metric m : Metric.values()) {
            out.append(String.format(" %7s", m.label()));
        }
        out.append(String.format(" %7s%n", "Realis"));
        for (int k = 0; k < r.folds().size(); k++) {
            out.append(String.format("%-6d %5d", k + 1, r.testDocuments().get(k)));
            for (Metric m : Metric.values()) {
                out.append(String.format(" %7.1f", r.folds().get(k).get(m)));
            }
            out.append(String.format(" %7.1f%n", r.realis().get(k)));
        }
        double realisMean = r.realis().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double realisSs = r.realis().stream().mapToDouble(x -> (x - realisMean) * (x - realisMean)).sum();
        out.append(String.format("%-6s %5d", "mean", r.testDocuments().stream().mapToInt(Integer::intValue).sum()));
        for (Metric m : Metric.values()) {
            out.append(String.format(" %7.1f", r.mean(m)));
        }
        out.append(String.format(" %7.1f%n", realisMean));
        out.append(String.format("%-6s %5s", "sd", ""));
        for (Metric m : Metric.values()) {
            out.append(String.format(" %7.1f", r.std(m)));
        }
        out.append(String.format(" %7.1f%n", r.realis().size() < 2 ? 0 : Math.sqrt(realisSs / (r.realis().size() - 1))));
        return out.toString();
    }
}
