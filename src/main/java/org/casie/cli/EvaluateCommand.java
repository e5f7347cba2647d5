package org.casie.cli;

import org.casie.corpus.AnnotationWriter;
import org.casie.corpus.Document;
import org.casie.corpus.LoadedCorpus;
import org.casie.examples.AnnotatedText;
import org.casie.model.EventModel;
import org.casie.model.ModelBundle;
import org.casie.tag.ShippedModels;
import org.casie.text.Preprocessor;
import org.casie.train.EventTrainer;
import org.casie.corpus.AtomicFiles;
import org.casie.eval.Bootstrap;
import org.casie.eval.CoreferenceScorer;
import org.casie.eval.EvaluationReport;
import org.casie.eval.TriggerErrors;
import org.casie.eval.EventScorer;
import org.casie.eval.HopperScoreTable;
import org.casie.eval.IncidentScoreReport;
import org.casie.incident.IncidentScoring;
import org.casie.train.HopperEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        EventModel eventModel = ModelBundle.load(ShippedModels.resolve(model)).model();
        LoadedCorpus corpus = CorpusInputs.load(data, docs, common.threads());
        Preprocessor preprocessor = new Preprocessor(eventModel.settings().annotators(), common.cacheDir());
        List<AnnotatedText> texts = CorpusInputs.annotate(corpus.documents(), preprocessor, common.threads(), "annotate");
        texts = CorpusInputs.withContext(texts, eventModel.settings(), common, "encode");
        long start = System.nanoTime();
        List<Document> gold = texts.stream().map(AnnotatedText::document).toList();
        List<Document> predicted = new ArrayList<>();
        for (AnnotatedText t : texts) {
            predicted.add(eventModel.extract(t));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        EventScorer.Scores scores = EventScorer.score(gold, predicted);
        EvaluationReport evaluation = new EvaluationReport(scores, CoreferenceScorer.score(gold, predicted),
                EvaluationReport.intervals(scores, new Bootstrap(1000, 13)), TriggerErrors.count(gold, predicted));
        System.out.print(evaluation.text());
        // Arguments of the gold triggers: the argument tagger's score apart from trigger errors.
        EventScorer.Scores goldTriggers = EventScorer.score(gold,
                EventTrainer.tagArgumentsOfGold(eventModel.argumentTagger(), texts));
        System.out.printf("%-28s %7d %7d %7d %7.1f %7.1f %7.1f%n", "Arg-C, gold triggers", goldTriggers.argC().gold(),
                goldTriggers.argC().predicted(), goldTriggers.argC().correct(), goldTriggers.argC().precision() * 100,
                goldTriggers.argC().recall() * 100, goldTriggers.argC().f1() * 100);
        // Hoppers at a glance: gold mentions (gold triggers and arguments) and predicted mentions, baseline and model.
        HopperScoreTable hoppers = HopperEvaluation.table(eventModel.hopperGrouping(), texts, predicted);
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
}
