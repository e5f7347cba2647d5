package org.casie.cli;

import org.casie.corpus.AnnotationWriter;
import org.casie.corpus.Document;
import org.casie.corpus.LoadedCorpus;
import org.casie.examples.AnnotatedText;
import org.casie.model.EventModel;
import org.casie.model.ModelBundle;
import org.casie.tag.ShippedModels;
import org.casie.text.AnnotationCache;
import org.casie.text.Preprocessor;
import org.casie.text.bert.ContextualEncoder;
import org.casie.train.DevEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        if (eventModel.settings().encoder() != null) {
            Path cacheRoot = common.cacheDir() != null ? common.cacheDir() : AnnotationCache.defaultRoot();
            try (ContextualEncoder encoder = new ContextualEncoder(eventModel.settings().encoder(),
                    eventModel.settings().annotators().cacheKey(), cacheRoot, common.threads())) {
                texts = CorpusInputs.withContext(texts, encoder, "encode");
            }
        }
        long start = System.nanoTime();
        Map<String, Object> scores = DevEvaluation.scores(eventModel, texts);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (report != null) {
            AnnotationWriter writer = new AnnotationWriter();
            for (AnnotatedText t : texts) {
                Document predicted = eventModel.extract(t);
                writer.write(predicted, report.resolve("predictions").resolve(t.document().id() + ".json"));
            }
        }
        System.out.println(scores);
        System.out.printf("tagged and scored %d documents in %.1f s%n", texts.size(), seconds);
        return corpus.rejectedFiles().isEmpty() ? ExitCodes.OK : ExitCodes.SOME_INPUTS_FAILED;
    }
}
