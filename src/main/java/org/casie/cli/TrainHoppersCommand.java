package org.casie.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.casie.corpus.LoadedCorpus;
import org.casie.coref.HopperClustering;
import org.casie.eval.HopperScoreTable;
import org.casie.examples.AnnotatedText;
import org.casie.model.ModelBundle;
import org.casie.tag.ShippedModels;
import org.casie.text.Preprocessor;
import org.casie.train.ConfigFiles;
import org.casie.train.HopperConfig;
import org.casie.train.HopperEvaluation;
import org.casie.train.HopperTrainer;
import org.casie.train.Provenance;
import org.casie.train.TrainConfig;
import org.casie.train.TrainingMonitor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code casie train-hoppers}: trains only the hopper classifier and adds it to a copy of an existing bundle. */
@Command(name = "train-hoppers", mixinStandardHelpOptions = true,
        description = "Train the hopper (event coreference) classifier on the gold mentions of the training documents "
                + "and write a copy of an existing bundle with it; the taggers are copied unchanged and never run "
                + "(no BERT). With --dev, epochs, clustering and threshold are chosen on dev CoNLL F1 (gold mentions); "
                + "without it, all epochs run with the given clustering and threshold.")
public final class TrainHoppersCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "MODEL",
            description = "Bundle to add the hopper classifier to: a path or a shipped model name (fast, accurate).")
    String model;

    @Mixin
    TrainingData input;

    @Mixin
    BundleOutput output;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Training config (JSON or YAML); its 'hoppers' section and 'seed' are used.")
    Path config;

    @Option(names = "--epochs", paramLabel = "N", description = "Maximum epochs (exactly this many without --dev).")
    Integer epochs;

    @Option(names = "--clustering", paramLabel = "NAME",
            description = "best-first or average-link, used without --dev (default from config: best-first).")
    String clustering;

    @Option(names = "--threshold", paramLabel = "P", description = "Link threshold in (0, 1), used without --dev.")
    Double threshold;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default from config: 42).")
    Long seed;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        Path in = ShippedModels.resolve(model);
        output.checkWritable();
        Path out = output.path();
        TrainConfig base = resolveConfig();
        HopperConfig cfg = base.hoppers();
        long hopperSeed = base.seed() + 2; // as in train
        ModelBundle.Loaded bundle = ModelBundle.load(in);
        if (bundle.model().hopperClassifier().isPresent()) {
            System.err.println(in + " already has a hopper classifier; the new one replaces it in " + out);
        }
        LoadedCorpus trainCorpus = input.loadTrain(common.threads());
        LoadedCorpus devCorpus = input.loadDev(common.threads());
        Preprocessor preprocessor = new Preprocessor(bundle.model().settings().annotators(), common.cacheDir());
        List<AnnotatedText> trainTexts = CorpusInputs.annotate(trainCorpus.documents(), preprocessor, common.threads(),
                "annotate train");
        List<AnnotatedText> devTexts = devCorpus == null ? List.of()
                : CorpusInputs.annotate(devCorpus.documents(), preprocessor, common.threads(), "annotate dev");

        TrainingMonitor monitor = new TrainingMonitor() {
            @Override
            public void epochDone(String task, int epoch, double loss, double devF1, boolean best) {
                System.out.println(HopperProgress.line(epoch, loss, devF1, best));
            }

            @Override
            public void message(String line) {
                System.out.println(line);
            }
        };
        HopperTrainer.Outcome outcome = new HopperTrainer(cfg, hopperSeed, monitor).train(trainTexts, devTexts);
        if (outcome.classifier() == null) {
            throw new UserException("the training documents have no two mentions of one subtype: nothing to learn");
        }
        HopperScoreTable table = devTexts.isEmpty() ? null
                : HopperEvaluation.table(outcome.classifier(), devTexts, null);
        @SuppressWarnings("unchecked")
        Map<String, Object> previous = new ObjectMapper().convertValue(bundle.provenance(), Map.class);
        Map<String, Object> provenance = Provenance.withHopper(previous, cfg, hopperSeed, input.dataDir().toString(),
                trainTexts.stream().map(AnnotatedText::document).toList(),
                devTexts.stream().map(AnnotatedText::document).toList(), outcome,
                table == null ? Map.of() : table.asMap());
        ModelBundle.saveWithHoppers(in, outcome.classifier(), provenance, out);

        System.out.printf("hopper classifier: %d pairs (%d coreferent), best epoch %d, %s with threshold %.2f, "
                        + "trained in %.1f s; wrote %s (%.1f MB)%n", outcome.pairs(), outcome.positives(),
                outcome.bestEpoch(), name(outcome.classifier().settings().clustering()),
                outcome.classifier().settings().threshold(), outcome.seconds(), out, Files.size(out) / 1e6);
        for (HopperTrainer.Decision d : outcome.tuning()) {
            System.out.printf("  dev, gold mentions: %s best at threshold %.2f, CoNLL F1 %.1f%n", name(d.clustering()),
                    d.threshold(), d.scores().conllF1() * 100);
        }
        if (table != null) {
            System.out.print(table.text());
        }
        boolean skipped = !trainCorpus.rejectedFiles().isEmpty()
                || (devCorpus != null && !devCorpus.rejectedFiles().isEmpty());
        return skipped ? ExitCodes.SOME_INPUTS_FAILED : ExitCodes.OK;
    }

    private TrainConfig resolveConfig() {
        TrainConfig cfg;
        try {
            cfg = config == null ? TrainConfig.defaults() : ConfigFiles.read(config, TrainConfig.defaults());
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        if (seed != null) {
            cfg = cfg.withSeed(seed);
        }
        HopperConfig h = cfg.hoppers();
        if (epochs != null) {
            if (epochs < 1) {
                throw new UserException("--epochs must be at least 1");
            }
            h = h.withEpochs(epochs);
        }
        if (clustering != null || threshold != null) {
            if (threshold != null && !(threshold > 0 && threshold < 1)) {
                throw new UserException("--threshold must lie in (0, 1), not " + threshold);
            }
            h = h.withDecision(clustering == null ? h.clustering() : parseClustering(clustering),
                    threshold == null ? h.threshold() : threshold);
        }
        return cfg.withHoppers(h);
    }

    static HopperClustering parseClustering(String name) {
        String key = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (HopperClustering c : HopperClustering.values()) {
            if (c.name().equals(key)) {
                return c;
            }
        }
        throw new UserException("--clustering must be best-first or average-link, not '" + name + "'");
    }

    static String name(HopperClustering c) {
        return c.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
