package org.casie.train;

import org.casie.corpus.Document;
import org.casie.corpus.EventMention;
import org.casie.eval.EventScorer;
import org.casie.examples.AlignmentStats;
import org.casie.examples.AnnotatedText;
import org.casie.examples.ArgumentExamples;
import org.casie.examples.ArgumentPriming;
import org.casie.examples.DomainVectors;
import org.casie.examples.FeatureSpace;
import org.casie.examples.PretrainedVectors;
import org.casie.examples.RoleConstraints;
import org.casie.examples.SpanAligner;
import org.casie.examples.TaggingExample;
import org.casie.examples.TriggerExamples;
import org.casie.examples.TriggerLexicon;
import org.casie.model.ArgumentTagger;
import org.casie.model.EventModel;
import org.casie.model.ModelSettings;
import org.casie.model.PredictedArgument;
import org.casie.model.PredictedTrigger;
import org.casie.model.SequenceNetworkBuilder;
import org.casie.model.TriggerTagger;
import org.deeplearning4j.nn.graph.ComputationGraph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Trains the whole extractor from gold documents: vocabularies from the training split, then the trigger
 * tagger (early stopping on dev Trig-C F1) and the argument tagger (early stopping on dev Arg-C F1 with
 * gold triggers, so it is judged apart from trigger errors). The two networks are independent and, with
 * two threads, train side by side, one core each. The hopper classifier trains last, on gold mentions.
 */
public final class EventTrainer {

    /** A trained model and what happened on the way. */
    public record Outcome(EventModel model, TaskTrainerResult trigger, TaskTrainerResult argument,
                          HopperTrainer.Outcome hopper, AlignmentStats triggerAlignment,
                          AlignmentStats argumentAlignment, double seconds) {
    }

    /** Public view of one task's training. */
    public record TaskTrainerResult(double bestDevF1, int bestEpoch, List<EpochLog> epochs, int examples) {
    }

    private static final int LEXICON_FOLDS = 5;
    /** Word2Vec over the training text: words seen twice or more, five passes (about 300k tokens). */
    private static final int DOMAIN_MIN_COUNT = 2;
    private static final int DOMAIN_EPOCHS = 5;

    private final TrainConfig config;
    private final TrainingMonitor monitor;
    private final Checkpoints checkpoints;

    public EventTrainer(TrainConfig config, TrainingMonitor monitor) {
        this(config, monitor, null);
    }

    /** @param checkpoints saved after every epoch and resumed from (see {@link Checkpoints}), or {@code null} */
    public EventTrainer(TrainConfig config, TrainingMonitor monitor, Checkpoints checkpoints) {
        this.config = config;
        this.monitor = monitor;
        this.checkpoints = checkpoints;
    }

    public Outcome train(List<AnnotatedText> train, List<AnnotatedText> dev, int threads) {
        long start = System.nanoTime();
        if (checkpoints != null) {
            checkpoints.open(config, train.stream().map(AnnotatedText::document).toList(),
                    dev.stream().map(AnnotatedText::document).toList());
        }
        ModelSettings settings = config.model();
        FeatureSpace features = FeatureSpace.build(train.stream().map(AnnotatedText::tokens).toList(),
                settings.minWordCount(), PretrainedVectors.coreNlp(), TriggerLexicon.build(train))
                .withMask(settings.features()).withDomainVectors(domainVectors(settings, train));
        List<TriggerLexicon> foldLexicons = TriggerLexicon.jackknife(train, LEXICON_FOLDS);
        List<Document> trainDocs = train.stream().map(AnnotatedText::document).toList();
        List<String> entityTypes = entityTypes(trainDocs);
        if (entityTypes.size() < 2) { // DL4J refuses an output layer of 0 or 1 classes with an obscure message
            throw new org.casie.corpus.CorpusException("the training documents hold " + entityTypes.size()
                    + " argument entity type(s) " + entityTypes + "; the argument tagger needs at least 2 (annotate some arguments)");
        }
        RoleConstraints constraints = RoleConstraints.learn(trainDocs, 1);

        TriggerExamples triggerExamples = new TriggerExamples(features, settings.triggerContext(), settings.maxTokens());
        ArgumentExamples argumentExamples = new ArgumentExamples(features, entityTypes, settings.argumentContext(),
                settings.maxTokens(), settings.priming());
        AlignmentStats triggerStats = new AlignmentStats();
        AlignmentStats argumentStats = new AlignmentStats();
        List<TaggingExample> triggerData = new ArrayList<>();
        List<TaggingExample> argumentData = new ArrayList<>();
        long examplesStart = System.nanoTime();
        if (settings.priming() != ArgumentPriming.NONE) {
            monitor.message("argument queries are read primed (" + settings.priming().label()
                    + "): one encoder pass per gold trigger, cached for the next run");
        }
        for (int i = 0; i < train.size(); i++) {
            // Each document's lexicon features come from the other folds, as they will for unseen text.
            FeatureSpace fold = features.withLexicon(foldLexicons.get(i % LEXICON_FOLDS));
            AnnotatedText t = train.get(i);
            triggerData.addAll(new TriggerExamples(fold, settings.triggerContext(), settings.maxTokens())
                    .labeled(t, triggerStats));
            argumentData.addAll(argumentExamples.withFeatures(fold).labeled(t, argumentStats));
        }
        if (settings.priming() != ArgumentPriming.NONE) {
            monitor.message(String.format("training sequences built in %.0f s", (System.nanoTime() - examplesStart) / 1e9));
        }
        monitor.message("features: " + features.words().size() + " words, " + features.denseSize()
                + " dense; " + triggerData.size() + " trigger sequences, " + argumentData.size() + " argument sequences");
        monitor.message("trigger spans: " + triggerStats);
        monitor.message("argument spans: " + argumentStats);
        long negatives = triggerData.stream().filter(TaskTrainer::negative).count();
        monitor.message(String.format("trigger sequences without a trigger: %d of %d; each epoch trains on %.0f%% of them",
                negatives, triggerData.size(), 100 * config.triggerNegatives()));
        long perEpoch = Math.round((triggerData.size() - negatives + config.triggerNegatives() * negatives)
                / config.batchSize());
        long perArgEpoch = (argumentData.size() + config.batchSize() - 1) / config.batchSize();
        monitor.planned(perEpoch * config.maxEpochs() + perArgEpoch * config.argumentMaxEpochs());

        int dense = features.denseSize();
        int contextDim = settings.contextDimension();
        if (contextDim > 0 && (train.get(0).context() == null || (!dev.isEmpty() && dev.get(0).context() == null))) {
            throw new IllegalArgumentException("the accurate profile needs contextual vectors for every document");
        }
        ComputationGraph triggerNet = SequenceNetworkBuilder.build(settings.trigger(), features.words().size(),
                features.prefixes().size(), features.suffixes().size(), dense, contextDim, settings.contextProjection(),
                TriggerTagger.HEADS, config.seed());
        ComputationGraph argumentNet = SequenceNetworkBuilder.build(settings.argument(), features.words().size(),
                features.prefixes().size(), features.suffixes().size(), dense + ArgumentExamples.EXTRA,
                settings.argumentContextDimension(),
                settings.contextProjection(), ArgumentTagger.heads(entityTypes.size()), config.seed() + 1);
        TriggerTagger paddedTriggers = new TriggerTagger(triggerNet, triggerExamples, EventModel.BATCH,
                settings.repairs().forTrigger());
        ArgumentTagger paddedArguments = new ArgumentTagger(argumentNet, argumentExamples, constraints,
                EventModel.BATCH, settings.repairs().forArgument());
        // Padding-free twins share the networks' weights: they learn and score dev, the networks are what a bundle saves.
        TriggerTagger triggerTagger = config.paddingFree() ? paddedTriggers.forInference() : paddedTriggers;
        ArgumentTagger argumentTagger = config.paddingFree() ? paddedArguments.forInference() : paddedArguments;
        List<Document> devGold = dev.stream().map(AnnotatedText::document).toList();

        // If one network fails, the other stops at its next minibatch instead of training on in the background.
        AtomicBoolean failed = new AtomicBoolean();
        TaskTrainer triggerTrainer = new TaskTrainer("trigger", triggerTagger.predictor(), TriggerTagger.HEADS, monitor,
                checkpoints, failed::get);
        TaskTrainer argumentTrainer = new TaskTrainer("argument", argumentTagger.predictor(),
                ArgumentTagger.heads(entityTypes.size()), monitor, checkpoints, failed::get);
        CompletableFuture<TaskTrainer.Result> triggers = CompletableFuture.supplyAsync(() ->
                triggerTrainer.fit(triggerData, config.batchSize(), config.maxEpochs(), config.patience(), config.seed(),
                        config.weightAveraging(), config.triggerNegatives(),
                        dev.isEmpty() ? null
                                : net -> EventScorer.score(devGold, tagTriggers(triggerTagger, dev)).trigC().f1() * 100),
                runnable -> startThread(runnable, "train-trigger"));
        triggers.whenComplete((r, e) -> failed.compareAndSet(false, e != null));
        CompletableFuture<TaskTrainer.Result> arguments = CompletableFuture.supplyAsync(() ->
                argumentTrainer.fit(argumentData, config.batchSize(), config.argumentMaxEpochs(), config.patience(),
                        config.seed() + 1, config.weightAveraging(), 1,
                        dev.isEmpty() ? null
                                : net -> EventScorer.score(devGold, tagArgumentsOfGold(argumentTagger, dev)).argC().f1() * 100),
                runnable -> {
                    if (threads >= 2) {
                        startThread(runnable, "train-argument");
                    } else {
                        triggers.whenComplete((r, e) -> {
                            failed.compareAndSet(false, e != null); // callbacks run in no set order
                            runnable.run();
                        });
                    }
                });
        arguments.whenComplete((r, e) -> failed.compareAndSet(false, e != null));
        TaskTrainer.Result t;
        TaskTrainer.Result a;
        try {
            CompletableFuture.allOf(triggers, arguments).join(); // both have stopped, whatever happened
        } catch (CompletionException e) {
            throw rootFailure(triggers, arguments);
        }
        t = triggers.join();
        a = arguments.join();
        // Cheap (seconds) next to the taggers, so it runs after them rather than competing for a core.
        HopperTrainer.Outcome h = new HopperTrainer(config.hoppers(), config.seed() + 2, monitor).train(train, dev);
        EventModel model = new EventModel(settings, features, triggerTagger, argumentTagger, h.classifier());
        return new Outcome(model,
                new TaskTrainerResult(t.bestF1(), t.bestEpoch(), t.epochs(), triggerData.size()),
                new TaskTrainerResult(a.bestF1(), a.bestEpoch(), a.epochs(), argumentData.size()),
                h, triggerStats, argumentStats, (System.nanoTime() - start) / 1e9);
    }

    /** The failure that stopped training: a network's own error rather than the other's cancellation. */
    private static RuntimeException rootFailure(CompletableFuture<?>... futures) {
        Throwable first = null;
        for (CompletableFuture<?> f : futures) {
            try {
                f.join();
            } catch (CompletionException | java.util.concurrent.CancellationException e) {
                Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                if (first == null || first instanceof java.util.concurrent.CancellationException) {
                    first = cause;
                }
            }
        }
        if (first instanceof RuntimeException re) {
            return re;
        }
        if (first instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(first);
    }

    private static void startThread(Runnable r, String name) {
        Thread thread = new Thread(r, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Entity types seen in training, most frequent first (ties by name), so the label order is deterministic. */
    static List<String> entityTypes(List<Document> docs) {
        Map<String, Integer> counts = new HashMap<>();
        docs.forEach(d -> d.events().forEach(e -> e.arguments().forEach(a -> counts.merge(a.entityType(), 1, Integer::sum))));
        List<String> types = new ArrayList<>(counts.keySet());
        types.sort((x, y) -> counts.get(y).equals(counts.get(x)) ? x.compareTo(y) : counts.get(y) - counts.get(x));
        return types;
    }

    static List<Document> tagTriggers(TriggerTagger tagger, List<AnnotatedText> docs) {
        List<Document> out = new ArrayList<>(docs.size());
        for (AnnotatedText d : docs) {
            List<PredictedTrigger> found = tagger.tag(d);
            List<List<PredictedArgument>> none = new ArrayList<>();
            found.forEach(f -> none.add(List.of()));
            out.add(EventModel.assemble(d.document(), d.tokens(), found, none));
        }
        return out;
    }

    /** Arguments predicted for the gold triggers: the argument tagger's score apart from trigger errors. */
    public static List<Document> tagArgumentsOfGold(ArgumentTagger tagger, List<AnnotatedText> docs) {
        List<Document> out = new ArrayList<>(docs.size());
        for (AnnotatedText d : docs) {
            List<PredictedTrigger> gold = goldTriggers(d);
            out.add(EventModel.assemble(d.document(), d.tokens(), gold, tagger.tag(d, gold)));
        }
        return out;
    }

    static List<PredictedTrigger> goldTriggers(AnnotatedText d) {
        List<PredictedTrigger> out = new ArrayList<>();
        for (EventMention e : d.document().events().toList()) {
            SpanAligner.toTokens(d.tokens(), e.trigger())
                    .ifPresent(a -> out.add(new PredictedTrigger(a.tokens(), e.subtype(), e.realis(), 1.0)));
        }
        return out;
    }

    /** Word vectors learnt from the training text when the settings ask for them (a few seconds). */
    private DomainVectors domainVectors(ModelSettings settings, List<AnnotatedText> train) {
        if (settings.domainVectors() == 0) {
            return DomainVectors.NONE;
        }
        long begin = System.nanoTime();
        DomainVectors vectors = DomainVectors.train(train.stream().map(AnnotatedText::tokens).toList(),
                settings.domainVectors(), DOMAIN_MIN_COUNT, DOMAIN_EPOCHS);
        monitor.message(String.format("domain vectors: %d words x %d learnt from the training text in %.1f s",
                vectors.size(), settings.domainVectors(), (System.nanoTime() - begin) / 1e9));
        return vectors;
    }
}
