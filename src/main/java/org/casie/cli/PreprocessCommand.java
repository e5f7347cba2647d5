package org.casie.cli;

import org.casie.corpus.CorpusLoader;
import org.casie.corpus.Document;
import org.casie.corpus.LoadedCorpus;
import org.casie.text.AnnotatorConfig;
import org.casie.text.Preprocessor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code casie preprocess PATH...}: fills the CoreNLP annotation cache. */
@Command(name = "preprocess", mixinStandardHelpOptions = true,
        description = "Annotate CASIE documents with CoreNLP and store the token tables in the cache, so training "
                + "and evaluation start at once.")
public final class PreprocessCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Annotation files or directories.")
    List<Path> paths;

    @Option(names = "--no-ner", description = "Skip the NER annotator.")
    boolean noNer;

    @Option(names = "--no-depparse", description = "Skip the dependency parser.")
    boolean noDepparse;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        LoadedCorpus corpus = new CorpusLoader().loadFiles(CorpusLoader.jsonFiles(paths), common.threads());
        CorpusInputs.summarise("input", corpus);
        Preprocessor preprocessor = new Preprocessor(new AnnotatorConfig(!noNer, !noDepparse), common.cacheDir());
        List<Document> docs = corpus.documents();
        long cached = docs.stream().filter(d -> preprocessor.isCached(d.content())).count();
        long start = System.nanoTime();
        CorpusInputs.annotate(docs, preprocessor, common.threads(), "preprocess");
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%d documents (%d already cached) annotated with %s in %.1f s (%.1f documents/s); cache: %s%n",
                docs.size(), cached, preprocessor.config().annotators(), seconds, docs.size() / Math.max(seconds, 1e-9),
                common.cacheDir());
        return corpus.rejectedFiles().isEmpty() ? ExitCodes.OK : ExitCodes.SOME_INPUTS_FAILED;
    }
}
