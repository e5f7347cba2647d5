package org.casie.cli;

import me.tongfei.progressbar.ProgressBar;
import org.casie.corpus.Document;
import org.casie.corpus.LoadedCorpus;
import org.casie.examples.AnnotatedText;
import org.casie.model.ModelBundle;
import org.casie.tag.TextAnnotator;
import org.casie.train.CheckpointException;
import org.casie.train.Checkpoints;
import org.casie.train.ConfigFiles;
import org.casie.train.DevEvaluation;
import org.casie.train.EventTrainer;
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
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code casie train}: fits the trigger, realis and argument classifiers into one model bundle. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the event extractor on CASIE annotation JSON and write a model bundle. With --dev, "
                + "each network stops early on its dev F1; without it, every epoch runs.")
public final class TrainCommand implements Callable<Integer> {

    @Mixin
    TrainingData input;

    @Mixin
    BundleOutput output;

    @Mixin
    TrainingConfigOptions training;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default from config: 42).")
    Long seed;

    @Option(names = "--resume", description = "Continue an interrupted run from its last completed epochs (the checkpoint "
            + "in MODEL.checkpoint/, written after every epoch); needs the same data and options. The result equals "
            + "an uninterrupted run's.")
    boolean resume;

    @Option(names = "--print-config", description = "Print the resolved configuration and exit.")
    boolean printConfig;

    @Option(names = "--cross-validation", paramLabel = "FILE",
            description = "A 'cv --report' of this configuration, recorded in the bundle's provenance as the figures "
                    + "that stand for a model trained on all the data (no dev set left to score it).")
    Path crossValidation;

    @Option(names = "--tuned-encoder", paramLabel = "FILE",
            description = "Fine-tuned top encoder layers ('casie finetune'); the taggers read their last layer, and "
                    + "the bundle carries them (accurate profile).")
    Path tunedEncoder;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        TrainConfig cfg = resolveConfig();
        if (printConfig) {
            System.out.println(ConfigFiles.toJson(cfg));
            return ExitCodes.OK;
        }
        output.checkWritable();
        Path out = output.path();
        Checkpoints checkpoints = new Checkpoints(Checkpoints.beside(out), resume);
        if (!resume && checkpoints.exists()) {
            if (!output.force()) {
                throw new UserException("a checkpoint of an interrupted run is in " + checkpoints.dir() + " ("
                        + checkpoints.describe() + "); pass --resume to continue it, or --force to discard it");
            }
            checkpoints.delete();
        }
        if (resume) {
            System.err.println(checkpoints.exists() ? "resuming from " + checkpoints.dir() + ": " + checkpoints.describe()
                    : "no checkpoint in " + checkpoints.dir() + "; training from the start");
        }
        Map<String, Object> cvFigures = crossValidation == null ? null : CrossValidationReport.read(crossValidation);
        LoadedCorpus trainCorpus = input.loadTrain(common.threads());
        LoadedCorpus devCorpus = input.loadDev(common.threads());
        List<Document> devDocs = devCorpus == null ? List.of() : devCorpus.documents();
        try {
            checkpoints.open(cfg, trainCorpus.documents(), devDocs); // refuse a mismatched resume before the slow part
        } catch (CheckpointException e) {
            throw new UserException(e.getMessage());
        }
        List<AnnotatedText> trainTexts;
        List<AnnotatedText> devTexts;
        EventTrainer.Outcome outcome;
        DevEvaluation.Result devResult;
        TextAnnotator annotator = new TextAnnotator(cfg.model(), common.cacheDir(), common.threads());
        try {
            trainTexts = CorpusInputs.annotate(trainCorpus.documents(), annotator, common.threads(), " train");
            devTexts = devCorpus == null ? List.of()
                    : CorpusInputs.annotate(devCorpus.documents(), annotator, common.threads(), " dev");
            if (!annotator.primes()) {
                annotator.close(); // TensorFlow's memory is free for training; primed queries still need the encoder
            }
            Thread interrupted = new Thread(() -> System.err.println("casie: training interrupted; the last completed "
                    + "epochs are in " + checkpoints.dir() + ": run the same command with --resume to continue"));
            Runtime.getRuntime().addShutdownHook(interrupted);
            try (BarMonitor monitor = new BarMonitor()) {
                outcome = new EventTrainer(cfg, monitor, checkpoints).train(trainTexts, devTexts, common.threads());
            } catch (CheckpointException e) {
                throw new UserException(e.getMessage());
            } finally {
                removeHook(interrupted);
            }
            devResult = DevEvaluation.evaluate(outcome.model().forInference(), devTexts); // as `evaluate` will score it
        } finally {
            annotator.close();
        }
        Map<String, Object> devScores = devResult.scores();
        Map<String, Object> provenance = Provenance.of(cfg, input.dataDir().toString(),
                trainTexts.stream().map(AnnotatedText::document).toList(),
                devTexts.stream().map(AnnotatedText::document).toList(), outcome, devScores);
        if (tunedEncoder != null) {
            provenance.put("encoderTuning", TunedEncoderOption.provenance(tunedEncoder, cfg));
        }
        if (cvFigures != null) {
            provenance.put("crossValidation", cvFigures);
            CrossValidationReport.warnIfOtherDocuments(cvFigures, trainTexts, devTexts);
        }
        ModelBundle.save(outcome.model(), provenance, out);
        checkpoints.delete(); // the bundle is safely written: nothing left to resume
        System.out.printf("trained in %.0f s (trigger: best epoch %d, argument: best epoch %d, hoppers: best epoch %d, "
                        + "%.1f s); wrote %s (%.1f MB)%n", outcome.seconds(), outcome.trigger().bestEpoch(),
                outcome.argument().bestEpoch(), outcome.hopper().bestEpoch(), outcome.hopper().seconds(), out,
                Files.size(out) / 1e6);
        if (!devScores.isEmpty()) {
            System.out.println("dev scores: " + devScores);
            System.out.print(devResult.hoppers().text());
        }
        List<String> skipped = new java.util.ArrayList<>(trainCorpus.rejectedFiles());
        if (devCorpus != null) {
            skipped.addAll(devCorpus.rejectedFiles());
        }
        if (!skipped.isEmpty()) {
            System.err.println(skipped.size() + " input file(s) were skipped:");
            skipped.forEach(f -> System.err.println("  " + f));
            return ExitCodes.SOME_INPUTS_FAILED;
        }
        return ExitCodes.OK;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook says why
        }
    }

    private TrainConfig resolveConfig() {
        TrainConfig cfg = training.resolve();
        if (seed != null) {
            cfg = cfg.withSeed(seed);
        }
        return tunedEncoder == null ? cfg : TunedEncoderOption.apply(cfg, tunedEncoder);
    }

    /** A progress bar over all minibatches, with the latest loss and dev F1 of each network. */
    private static final class BarMonitor implements TrainingMonitor, AutoCloseable {
        private ProgressBar bar;
        private volatile String triggerStatus = "";
        private volatile String argumentStatus = "";

        @Override
        public synchronized void planned(long batches) {
            bar = Progress.bar("train", batches);
        }

        @Override
        public synchronized void resumed(String task, int epoch, long batches) {
            if (bar != null) {
                bar.stepBy(batches);
            }
        }

        @Override
        public synchronized void batchDone(String task, double loss) {
            if (bar != null) {
                bar.step();
            }
        }

        @Override
        public synchronized void epochDone(String task, int epoch, double loss, double devF1, boolean best) {
            if (task.equals("hopper")) {
                System.out.println(HopperProgress.line(epoch, loss, devF1, best));
                return;
            }
            // Without a dev set (fixed-epoch training on every article) there is no F1 to show, only the loss.
            String status = Double.isNaN(devF1) ? String.format("%s ep%d loss %.3f", task, epoch, loss)
                    : String.format("%s ep%d loss %.3f dev %.1f%s", task, epoch, loss, devF1, best ? "*" : "");
            if (task.equals("trigger")) {
                triggerStatus = status;
            } else {
                argumentStatus = status;
            }
            if (bar != null) {
                bar.setExtraMessage(triggerStatus + " | " + argumentStatus);
            }
            System.out.println(status.replace("dev ", task.equals("trigger") ? "dev Trig-C F1 " : "dev Arg-C F1 (gold triggers) "));
        }

        @Override
        public void message(String line) {
            System.out.println(line);
        }

        @Override
        public synchronized void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
