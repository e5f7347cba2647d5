package org.casie.cli;

import org.casie.corpus.AnnotationReader;
import org.casie.io.AtomicFiles;
import org.casie.corpus.CorpusLoader;
import org.casie.corpus.Document;
import org.casie.corpus.LoadedCorpus;
import org.casie.corpus.ReadResult;
import org.casie.eval.Bootstrap;
import org.casie.eval.CoreferenceScorer;
import org.casie.eval.EvaluationReport;
import org.casie.eval.TriggerErrors;
import org.casie.eval.EventScorer;
import org.casie.eval.Metric;
import org.casie.eval.IncidentScoreReport;
import org.casie.incident.IncidentScoring;
import org.casie.text.AnnotatorConfig;
import org.casie.text.Preprocessor;
import org.casie.text.TokenTable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code casie score GOLD PRED}: span-level scores of predictions against gold annotations. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score predicted CASIE JSON or brat against gold (Trig-I/C, Arg-I/C/C+, realis), matching files by name. "
                + "Predicted spans are scored at their offsets as written. A gold document without a prediction file "
                + "counts as predicting nothing and is listed; exit 1 if any are.")
public final class ScoreCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "GOLD", description = "Gold annotation file or directory.")
    Path gold;

    @Parameters(index = "1", paramLabel = "PRED", description = "Predicted annotation file or directory.")
    Path pred;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the scores as JSON.")
    Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained HTML report.")
    Path html;

    @Option(names = "--errors", paramLabel = "FILE", description = "Write every false positive and negative with its sentence.")
    Path errors;

    @Option(names = "--compare", paramLabel = "PRED2", description = "A second system: paired bootstrap test against PRED.")
    Path compare;

    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "1000",
            description = "Bootstrap samples for 95%% intervals (0 to skip; default ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--records", description = "Also build incident records from the predictions (CoreNLP on each "
            + "article, cached) and score their document-level fillers and primary victims.")
    boolean records;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        LoadedCorpus goldCorpus = new CorpusLoader().loadFiles(CorpusLoader.goldFiles(List.of(gold)), common.threads());
        CorpusInputs.summarise("gold", goldCorpus);
        List<String> problems = new ArrayList<>(goldCorpus.rejectedFiles());
        List<Document> golds = goldCorpus.documents();
        List<Document> predicted = predictions(pred, golds, problems);
        EventScorer.Scores scores = EventScorer.score(golds, predicted);
        Bootstrap bootstrap = new Bootstrap(Math.max(samples, 1), 13);
        EvaluationReport report = new EvaluationReport(scores, CoreferenceScorer.score(golds, predicted),
                samples > 0 ? EvaluationReport.intervals(scores, bootstrap) : Map.of(), TriggerErrors.count(golds, predicted));
        System.out.print(report.text());
        IncidentScoreReport incidents;
        if (records) {
            Preprocessor preprocessor = new Preprocessor(AnnotatorConfig.FULL, common.cacheDir());
            List<TokenTable> tokens = preprocessor.processAll(golds.stream().map(Document::content).toList(),
                    common.threads(), i -> { });
            incidents = IncidentScoring.score(golds, predicted, tokens);
        } else {
            incidents = IncidentScoring.scoreSpans(golds, predicted);
        }
        System.out.println();
        System.out.print(incidents.text());
        if (compare != null) {
            EventScorer.Scores other = EventScorer.score(golds, predictions(compare, golds, problems));
            for (Metric m : List.of(Metric.TRIG_C, Metric.ARG_C)) {
                System.out.printf("%s: %s %.1f vs %s %.1f, paired bootstrap p = %.4f%n", m.label(), pred,
                        scores.get(m).f1() * 100, compare, other.get(m).f1() * 100,
                        bootstrap.pairedPValue(scores.documents(), other.documents(), m));
            }
        }
        if (json != null) {
            AtomicFiles.write(json, withIncidents(report.json(), incidents));
        }
        if (html != null) {
            Path file = Files.isDirectory(html) ? html.resolve("report.html") : html;
            AtomicFiles.write(file, report.html("casie-extract scores: " + pred));
        }
        if (errors != null) {
            AtomicFiles.write(errors, report.errors());
        }
        System.err.printf("scored %d documents in %.2f s%n", golds.size(), (System.nanoTime() - start) / 1e9);
        if (!problems.isEmpty()) {
            System.err.println(problems.size() + " problem(s):");
            problems.forEach(p -> System.err.println("  " + p));
            return ExitCodes.SOME_INPUTS_FAILED;
        }
        return ExitCodes.OK;
    }

    /** The JSON report with the incident scores added under {@code "incidents"}. */
    static String withIncidents(String json, IncidentScoreReport incidents) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = (ObjectNode) mapper.readTree(json);
        root.set("incidents", mapper.valueToTree(incidents.asMap()));
        return mapper.writeValueAsString(root) + "\n";
    }

    /** The prediction for each gold document, by file name; an empty one where missing or unusable. */
    private List<Document> predictions(Path source, List<Document> golds, List<String> problems) {
        Map<String, Path> files = new HashMap<>();
        for (Path f : CorpusLoader.goldFiles(List.of(source))) {
            files.put(CorpusLoader.id(f), f);
        }
        // Offsets as written: the gold reader would move a wrong span onto matching text and flatter the system.
        CorpusLoader reader = CorpusLoader.asWritten();
        List<Document> out = new ArrayList<>();
        for (Document g : golds) {
            Path f = files.get(g.id());
            Document empty = g.withHoppers(List.of());
            if (f == null) {
                problems.add(source + ": no " + g.id() + ".json for the gold document; scored as predicting nothing");
                out.add(empty);
                continue;
            }
            ReadResult r = reader.read(f);
            if (r.document().isEmpty()) {
                problems.add(r.errors().get(0).toString());
                out.add(empty);
            } else if (!r.document().get().content().equals(g.content())) {
                problems.add(f + ": content differs from the gold document's; scored as predicting nothing");
                out.add(empty);
            } else {
                out.add(r.document().get());
            }
        }
        return out;
    }
}
