package org.casie.cli;

import org.casie.corpus.LoadedCorpus;
import org.casie.eval.Metric;
import org.casie.examples.AnnotatedText;
import org.casie.tag.TextAnnotator;
import org.casie.train.ConfigFiles;
import org.casie.train.CrossValidation;
import org.casie.train.TrainConfig;
import org.casie.train.TrainingMonitor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code casie cv}: K-fold cross-validation by document. */
@Command(name = "cv", mixinStandardHelpOptions = true,
        description = "K-fold cross-validation by document (fast profile): mean and standard deviation of every metric.")
public final class CvCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Directory of annotation JSON files.")
    Path data;

    @Option(names = "--docs", required = true, paramLabel = "LIST", description = "File of document ids.")
    Path docs;

    @Option(names = "--folds", defaultValue = "5", paramLabel = "K", description = "Folds (default ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--config", paramLabel = "FILE", description = "Hyperparameters (JSON or YAML) overriding the defaults.")
    Path config;

    @Option(names = "--epochs", paramLabel = "N", description = "Maximum epochs for both networks.")
    Integer epochs;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TrainConfig cfg;
        try {
            cfg = config == null ? TrainConfig.defaults() : ConfigFiles.read(config);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        if (epochs != null) {
            if (epochs < 1) {
                throw new ParameterException(spec.commandLine(), "--epochs must be at least 1, not " + epochs);
            }
            cfg = cfg.withEpochs(epochs);
        }
        LoadedCorpus corpus = CorpusInputs.load(data, docs, common.threads());
        List<AnnotatedText> texts;
        try (TextAnnotator annotator = new TextAnnotator(cfg.model(), common.cacheDir(), common.threads())) {
            texts = CorpusInputs.annotate(corpus.documents(), annotator, common.threads(), "");
        }
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
        System.out.printf("%d-fold cross-validation over %d documents (F1, mean +- sd)%n", folds, texts.size());
        for (Metric m : Metric.values()) {
            System.out.printf("%-8s %6.1f +- %.1f%n", m.label(), r.mean(m), r.std(m));
        }
        double realis = r.realis().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        System.out.printf("%-8s %6.1f (realis accuracy, mean)%n", "Realis", realis);
        return corpus.rejectedFiles().isEmpty() ? ExitCodes.OK : ExitCodes.SOME_INPUTS_FAILED;
    }
}
