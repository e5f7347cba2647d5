package org.casie.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.casie.corpus.AnnotationWriter;
import org.casie.corpus.Document;
import org.casie.corpus.LoadedCorpus;
import org.casie.eval.Bootstrap;
import org.casie.eval.EvaluationReport;
import org.casie.eval.EventScorer;
import org.casie.eval.HopperScoreTable;
import org.casie.eval.IncidentScoreReport;
import org.casie.eval.TriggerErrors;
import org.casie.examples.AnnotatedText;
import org.casie.examples.SpanRepair;
import org.casie.incident.IncidentScoring;
import org.casie.io.AtomicFiles;
import org.casie.model.EventModel;
import org.casie.model.ModelBundle;
import org.casie.tag.ShippedModels;
import org.casie.tag.TextAnnotator;
import org.casie.train.DevEvaluation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code casie evaluate}: tags listed gold documents with a model and scores the result. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Tag the listed documents with a model and score them against their gold annotations.")
public final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--model", defaultValue = ShippedModels.DEFAULT, paramLabel = "MODEL",
            description = "Bundle path or shipped model name (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Directory of annotation JSON files.")
    Path data;

    @Option(names = "--docs", required = true, paramLabel = "LIST", description = "File of document ids to evaluate.")
    Path docs;

    @Option(names = "--report", paramLabel = "DIR", description = "Write predictions (CASIE JSON) and reports here.")
    Path report;

    @Option(names = "--span-repair", paramLabel = "RULES", converter = SpanRepairConverter.class,
            description = "Decode with these whole-phrase span repairs instead of the bundle's (bundles that name none "
                    + "use " + SpanRepair.DEFAULT_RULES + "): comma-separated join, edges, tail, each also as trigger:RULE or "
                    + "argument:RULE, or none.")
    SpanRepair spanRepair;

    @Mixin
    CommonOptions common;

    /** Parses {@code --span-repair}; an unknown rule is a usage error. */
    static final class SpanRepairConverter implements CommandLine.ITypeConverter<SpanRepair> {
        @Override
        public SpanRepair convert(String value) {
            try {
                return SpanRepair.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        ModelBundle.Loaded bundle = ModelBundle.load(ShippedModels.resolve(model));
        EventModel eventModel = bundle.model();
        if (spanRepair != null) {
            eventModel = eventModel.withSpanRepair(spanRepair);
        }
        System.err.println("span repairs: " + (eventModel.settings().spanRepair().isEmpty() ? "none"
                : String.join(", ", eventModel.settings().spanRepair())));
        LoadedCorpus corpus = CorpusInputs.load(data, docs, common.threads());
        warnOfTrainingDocuments(bundle.provenance(), corpus.documents());
        List<AnnotatedText> texts;
        DevEvaluation.Result result;
        double seconds;
        // Open while tagging: a model that primes its argument queries reads them with the encoder.
        try (TextAnnotator annotator = new TextAnnotator(eventModel.settings(), common.cacheDir(), common.threads())) {
            texts = CorpusInputs.annotate(corpus.documents(), annotator, common.threads(), "");
            long start = System.nanoTime();
            result = DevEvaluation.evaluate(eventModel, texts);
            seconds = (System.nanoTime() - start) / 1e9;
        }
        List<Document> gold = result.gold();
        List<Document> predicted = result.predicted();
        EventScorer.Scores scores = result.events();
        EvaluationReport evaluation = new EvaluationReport(scores, result.coreference(),
                EvaluationReport.intervals(scores, new Bootstrap(1000, 13)), TriggerErrors.count(gold, predicted));
        System.out.print(evaluation.text());
        // Arguments of the gold triggers: the argument tagger's score apart from trigger errors.
        EventScorer.Scores goldTriggers = result.goldTriggers();
        System.out.printf("%-28s %7d %7d %7d %7.1f %7.1f %7.1f%n", "Arg-C, gold triggers", goldTriggers.argC().gold(),
                goldTriggers.argC().predicted(), goldTriggers.argC().correct(), goldTriggers.argC().precision() * 100,
                goldTriggers.argC().recall() * 100, goldTriggers.argC().f1() * 100);
        // Hoppers at a glance: gold mentions (gold triggers and arguments) and predicted mentions, baseline and model.
        HopperScoreTable hoppers = result.hoppers();
        System.out.println();
        System.out.print(hoppers.text());
        if (eventModel.hopperClassifier().isEmpty()) {
            System.out.println("(this bundle has no hopper classifier: hoppers are the subtype baseline; "
                    + "add one with train-hoppers)");
        }
        // Incident records: document-level role fillers and the primary victim, beside the span metrics.
        long recordStart = System.nanoTime();
        IncidentScoreReport incidents = IncidentScoring.score(gold, predicted,
                texts.stream().map(AnnotatedText::tokens).toList());
        double recordSeconds = (System.nanoTime() - recordStart) / 1e9;
        System.out.println();
        System.out.print(incidents.text());
        if (report != null) {
            AnnotationWriter writer = new AnnotationWriter();
            for (Document d : predicted) {
                writer.write(d, report.resolve("predictions").resolve(d.id() + ".json"));
            }
            AtomicFiles.write(report.resolve("scores.txt"), evaluation.text() + "\n" + hoppers.text());
            AtomicFiles.write(report.resolve("hoppers.json"), new com.fasterxml.jackson.databind.ObjectMapper()
                    .writerWithDefaultPrettyPrinter().writeValueAsString(hoppers.asMap()) + "\n");
            AtomicFiles.write(report.resolve("scores.json"), ScoreCommand.withIncidents(evaluation.json(), incidents));
            AtomicFiles.write(report.resolve("report.html"), evaluation.html("casie-extract evaluation: " + model));
            AtomicFiles.write(report.resolve("errors.tsv"), evaluation.errors());
        }
        System.err.printf("tagged and scored %d documents in %.1f s (%.2f s per document; CoreNLP and encoder time excluded)%n",
                texts.size(), seconds, seconds / Math.max(1, texts.size()));
        System.err.printf("incident records built and scored in %.2f s (%.1f%% of that tagging time)%n", recordSeconds,
                100 * recordSeconds / Math.max(seconds, 1e-9));
        return corpus.rejectedFiles().isEmpty() ? ExitCodes.OK : ExitCodes.SOME_INPUTS_FAILED;
    }

    /**
     * A model scored on articles it was trained on scores high for nothing: say so (the shipped models may be trained
     * on every CASIE article, dev included). The training ids are the provenance's {@code data.trainIds}.
     */
    static void warnOfTrainingDocuments(JsonNode provenance, List<Document> documents) {
        Set<String> trained = new HashSet<>();
        provenance.path("data").path("trainIds").forEach(id -> trained.add(id.asText()));
        long seen = documents.stream().filter(d -> trained.contains(d.id())).count();
        if (seen > 0) {
            System.err.printf("warning: %d of the %d documents scored are in the model's training data: their scores "
                    + "say how well it fits them, not how well it generalises%n", seen, documents.size());
        }
    }
}
