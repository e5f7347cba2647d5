package org.casie.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import me.tongfei.progressbar.ProgressBar;
import org.casie.corpus.Document;
import org.casie.corpus.LoadedCorpus;
import org.casie.corpus.EventMention;
import org.casie.examples.AnnotatedText;
import org.casie.examples.ArgumentPriming;
import org.casie.examples.SpanAligner;
import org.casie.examples.TokenSpan;
import org.casie.examples.Window;
import org.casie.io.AtomicFiles;
import org.casie.io.Sha256;
import org.casie.text.AnnotatorConfig;
import org.casie.text.Preprocessor;
import org.casie.text.bert.ContextualEncoder;
import org.casie.text.bert.EncoderSpec;
import org.casie.text.bert.FrozenBase;
import org.casie.text.bert.LayerWeights;
import org.casie.text.bert.TransformerGraph;
import org.casie.train.EncoderTuner;
import org.casie.train.TrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code casie finetune}: trains BERT's top layers on gold triggers and argument roles, for the accurate profile. */
@Command(name = "finetune", mixinStandardHelpOptions = true,
        description = "Fine-tune BERT-base's top layers on the training articles' trigger and argument-role labels; "
                + "writes the tuned layers (bfloat16) for 'train --tuned-encoder'.")
public final class FinetuneCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** The accurate profile's argument windows (its settings' argumentContext and maxTokens). */
    private static final int ARGUMENT_CONTEXT = TrainConfig.accurate().model().argumentContext();
    private static final int MAX_TOKENS = TrainConfig.accurate().model().maxTokens();

    @Mixin
    TrainingData data;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where the tuned layers go.")
    Path out;

    @Option(names = "--layer", defaultValue = "8", paramLabel = "L",
            description = "The encoder layer the taggers read, the last one tuned (default ${DEFAULT-VALUE}).")
    int layer;

    @Option(names = "--tune", defaultValue = "2", paramLabel = "K",
            description = "How many layers up to --layer are tuned (default ${DEFAULT-VALUE}).")
    int tune;

    @Option(names = "--epochs", defaultValue = "3", paramLabel = "N", description = "Epochs (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--encoder-rate", defaultValue = "3e-5", paramLabel = "R",
            description = "Peak learning rate of the layers (default ${DEFAULT-VALUE}).")
    float encoderRate;

    @Option(names = "--head-rate", defaultValue = "1e-3", paramLabel = "R",
            description = "Peak learning rate of the training heads (default ${DEFAULT-VALUE}).")
    float headRate;

    @Option(names = "--batch-pieces", defaultValue = "2048", paramLabel = "N",
            description = "Wordpieces per batch at most, padding included (default ${DEFAULT-VALUE}).")
    int batchPieces;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--stop-after", paramLabel = "EPOCH",
            description = "Stop after this epoch, leaving the checkpoint for --resume (a run split across sessions).")
    Integer stopAfter;

    @Option(names = "--no-ner", description = "Read the CoreNLP annotations cached without NER (tokens are the same).")
    boolean noNer;

    @Option(names = "--no-depparse", description = "Read the CoreNLP annotations cached without the dependency parser.")
    boolean noDepparse;

    @Option(names = "--primed-arguments", defaultValue = "none", paramLabel = "WAY",
            description = "Also train a head that reads each training trigger's sentence primed as the argument tagger "
                    + "reads it with argumentPriming (markers or prompt) and learns that event's roles (default "
                    + "${DEFAULT-VALUE}: trigger and role heads over plain windows only).")
    String primedArguments;

    @Option(names = "--resume", description = "Continue from the checkpoint beside --out after its last full epoch.")
    boolean resume;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        if (data.dev == null) {
            throw new UserException("finetune needs --dev: it keeps the epoch whose heads score best there");
        }
        if (tune < 1 || tune > layer - 1 || layer > 12) {
            throw new UserException("--tune must be 1.." + (layer - 1) + " and --layer at most 12");
        }
        if (batchPieces < 128) {
            throw new UserException("--batch-pieces must be at least 128 (one window), not " + batchPieces);
        }
        if (epochs < 1) {
            throw new UserException("--epochs must be at least 1, not " + epochs);
        }
        ArgumentPriming priming = priming(primedArguments);
        boolean primed = priming != ArgumentPriming.NONE;
        LoadedCorpus train = data.loadTrain(common.threads());
        LoadedCorpus dev = data.loadDev(common.threads());
        CorpusInputs.summarise("train", train);
        CorpusInputs.summarise("dev", dev);
        EncoderTuner.Config config = new EncoderTuner.Config(epochs, encoderRate, headRate, 0.1f, batchPieces, seed);
        int[] labelCounts = EncoderTuner.labelCounts(primed);
        EncoderTuner tuner = new EncoderTuner(config, labelCounts);
        EncoderSpec spec = new EncoderSpec(EncoderSpec.UNCASED, layer, "first", true);
        Preprocessor preprocessor = new Preprocessor(new AnnotatorConfig(!noNer, !noDepparse), common.cacheDir());
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("layer", layer);
        settings.put("tuned", tune);
        settings.put("config", config);
        if (primed) {
            // Only when on, so that the reports (and checkpoint fingerprints) of unprimed runs stay as they were.
            settings.put("primedArguments", priming.label());
        }
        settings.put("train", train.documents().stream().map(Document::id).sorted().toList());
        settings.put("dev", dev.documents().stream().map(Document::id).sorted().toList());
        String fingerprint = Sha256.hex(JSON.writeValueAsBytes(settings));
        Path checkpoint = out.resolveSibling(out.getFileName() + ".ckpt");
        int first = layer - tune + 1;
        List<Map<String, Object>> log = new ArrayList<>();
        try (FrozenBase base = new FrozenBase(spec, first,
                common.cacheDir() != null ? common.cacheDir() : org.casie.text.AnnotationCache.defaultRoot(),
                common.threads())) {
            List<EncoderTuner.Example> trainExamples = examples(base, preprocessor, train, "train", priming,
                    labelCounts.length);
            List<EncoderTuner.Example> devExamples = examples(base, preprocessor, dev, "dev", priming,
                    labelCounts.length);
            // Start from the pretrained layers rounded as a bundle stores them.
            LayerWeights start = base.pretrained().rounded();
            int hidden = EncoderSpec.DIMENSION;
            List<List<EncoderTuner.Example>> trainBatches = tuner.batches(trainExamples);
            List<List<EncoderTuner.Example>> devBatches = tuner.batches(devExamples);
            long pieces = trainExamples.stream().mapToLong(EncoderTuner.Example::length).sum();
            long total = (long) epochs * trainBatches.size();
            try (TransformerGraph graph = new TransformerGraph(start, TransformerGraph.Dims.BERT_BASE,
                    tuner.initialHeads(hidden), common.threads())) {
                int firstEpoch = 1;
                double best = Double.NEGATIVE_INFINITY;
                int bestEpoch = 0;
                if (resume && Files.exists(checkpoint.resolve("progress.json"))) {
                    Map<?, ?> progress = JSON.readValue(checkpoint.resolve("progress.json").toFile(), Map.class);
                    if (!fingerprint.equals(progress.get("fingerprint"))) {
                        throw new UserException(checkpoint + ": the checkpoint is of other settings or data; "
                                + "remove it or run without --resume");
                    }
                    graph.restore(readState(checkpoint.resolve("state.bin")));
                    firstEpoch = ((Number) progress.get("epoch")).intValue() + 1;
                    best = ((Number) progress.get("bestScore")).doubleValue();
                    bestEpoch = ((Number) progress.get("bestEpoch")).intValue();
                    for (Object o : (List<?>) progress.get("epochs")) {
                        @SuppressWarnings("unchecked") Map<String, Object> m = (Map<String, Object>) o;
                        log.add(m);
                    }
                    System.err.printf("casie: resuming after epoch %d (best so far: epoch %d)%n", firstEpoch - 1,
                            bestEpoch);
                }
                System.err.printf("casie: tuning layers %d-%d on %d windows (%d wordpieces), %d steps an epoch%n",
                        first, layer, trainExamples.size(), pieces, trainBatches.size());
                for (int epoch = firstEpoch; epoch <= epochs; epoch++) {
                    long startNanos = System.nanoTime();
                    double loss;
                    try (ProgressBar bar = Progress.bar("finetune " + epoch + "/" + epochs, pieces)) {
                        loss = tuner.trainEpoch(graph, tuner.order(trainBatches, epoch),
                                (long) (epoch - 1) * trainBatches.size() + 1, total, hidden, bar::stepBy);
                    }
                    EncoderTuner.HeadScore[] scores = tuner.score(graph, devBatches, hidden);
                    var result = new EncoderTuner.EpochResult(epoch, loss, scores, (System.nanoTime() - startNanos) / 1e9);
                    System.err.printf("casie: epoch %d: loss %.4f, dev token F1 trigger %.1f, role %.1f%s (%.0f s)%n",
                            epoch, loss, scores[0].f1(), scores[1].f1(), primed ? String.format(", primed role %.1f",
                                    scores[EncoderTuner.PRIMED_HEAD].f1()) : "", result.seconds());
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("epoch", epoch);
                    entry.put("loss", loss);
                    entry.put("devTriggerF1", scores[0].f1());
                    entry.put("devRoleF1", scores[1].f1());
                    if (primed) {
                        entry.put("devPrimedRoleF1", scores[EncoderTuner.PRIMED_HEAD].f1());
                    }
                    entry.put("seconds", result.seconds());
                    log.add(entry);
                    Files.createDirectories(checkpoint);
                    if (result.score() > best) {
                        best = result.score();
                        bestEpoch = epoch;
                        graph.weights(first).write(checkpoint.resolve("best.bin"));
                    }
                    writeState(checkpoint.resolve("state.bin"), graph.state());
                    Map<String, Object> progress = new LinkedHashMap<>();
                    progress.put("fingerprint", fingerprint);
                    progress.put("epoch", epoch);
                    progress.put("bestEpoch", bestEpoch);
                    progress.put("bestScore", best);
                    progress.put("epochs", log);
                    AtomicFiles.write(checkpoint.resolve("progress.json"), JSON.writeValueAsString(progress));
                    if (stopAfter != null && epoch >= stopAfter && epoch < epochs) {
                        System.out.printf("stopped after epoch %d of %d; the same command with --resume continues "
                                + "from %s%n", epoch, epochs, checkpoint);
                        return ExitCodes.OK;
                    }
                }
                byte[] tuned = Files.readAllBytes(checkpoint.resolve("best.bin"));
                AtomicFiles.write(out, tuned);
                Map<String, Object> report = new LinkedHashMap<>(settings);
                report.put("bestEpoch", bestEpoch);
                report.put("epochs", log);
                report.put("digest", Sha256.hex(tuned));
                AtomicFiles.write(out.resolveSibling(out.getFileName() + ".json"), JSON.writeValueAsString(report));
                System.out.printf("tuned layers %d-%d (epoch %d of %d) written to %s%n", first, layer,
                        bestEpoch, epochs, out);
            }
        }
        return train.rejectedFiles().isEmpty() && dev.rejectedFiles().isEmpty() ? ExitCodes.OK
                : ExitCodes.SOME_INPUTS_FAILED;
    }

    private static ArgumentPriming priming(String name) {
        try {
            ArgumentPriming p = ArgumentPriming.parse(name);
            if (p == ArgumentPriming.BOTH) {
                throw new IllegalArgumentException("both");
            }
            return p;
        } catch (IllegalArgumentException e) {
            throw new UserException("--primed-arguments must be none, markers or prompt, not '" + name + "'");
        }
    }

    /**
     * Every window of the documents with its frozen base output and its labels; with priming, also every gold
     * event's argument query read primed (its trigger marked in its sentence, as the argument tagger reads it).
     */
    private List<EncoderTuner.Example> examples(FrozenBase base, Preprocessor preprocessor, LoadedCorpus corpus,
                                                String what, ArgumentPriming priming, int heads) {
        List<AnnotatedText> texts = CorpusInputs.annotate(corpus.documents(), preprocessor, common.threads(), what);
        List<int[]> inputs = new ArrayList<>();
        List<int[][]> labels = new ArrayList<>();
        for (AnnotatedText t : texts) {
            int[][] tokenLabels = EncoderTuner.tokenLabels(t.document(), t.tokens());
            for (ContextualEncoder.TokenWindow w : base.windows(t.tokens())) {
                inputs.add(w.ids());
                labels.add(EncoderTuner.withHeads(EncoderTuner.pieceLabels(w, tokenLabels), heads));
            }
            if (priming == ArgumentPriming.NONE) {
                continue;
            }
            for (EventMention e : t.document().events().toList()) {
                var trigger = SpanAligner.toTokens(t.tokens(), e.trigger());
                if (trigger.isEmpty()) {
                    continue;
                }
                TokenSpan span = trigger.get().tokens();
                // The window the accurate argument tagger reads for this trigger.
                Window w = Window.aroundTrigger(t.tokens(), span, ARGUMENT_CONTEXT, MAX_TOKENS);
                ContextualEncoder.PrimedInput in = base.primedInput(t.tokens(), new ContextualEncoder.PrimedWindow(
                        w.from(), w.to(), span.begin(), span.end(), priming.prefix(e.subtype()), ArgumentPriming.OPEN,
                        ArgumentPriming.CLOSE));
                inputs.add(in.ids());
                labels.add(EncoderTuner.primedPieceLabels(in, EncoderTuner.eventRoleLabels(e, t.tokens()), heads));
            }
        }
        List<float[]> vectors;
        try (ProgressBar bar = Progress.bar("bert " + what, inputs.size())) {
            vectors = base.encodeIds(inputs, bar::stepBy);
        }
        List<EncoderTuner.Example> out = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            out.add(new EncoderTuner.Example(vectors.get(i), inputs.get(i).length, labels.get(i)));
        }
        return out;
    }

    private static void writeState(Path file, List<float[]> state) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(state.size());
            for (float[] a : state) {
                out.writeInt(a.length);
                java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 * a.length);
                b.asFloatBuffer().put(a);
                out.write(b.array());
            }
        }
        AtomicFiles.write(file, bytes.toByteArray());
    }

    private static List<float[]> readState(Path file) {
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            int n = in.readInt();
            List<float[]> state = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                float[] a = new float[in.readInt()];
                java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(in.readNBytes(4 * a.length));
                b.asFloatBuffer().get(a);
                state.add(a);
            }
            return state;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": unreadable checkpoint state", e);
        }
    }
}
