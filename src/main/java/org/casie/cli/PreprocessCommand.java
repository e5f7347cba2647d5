package org.casie.cli;

import org.casie.corpus.CorpusLoader;
import org.casie.corpus.Document;
import org.casie.corpus.LoadedCorpus;
import me.tongfei.progressbar.ProgressBar;
import org.casie.text.AnnotationCache;
import org.casie.text.AnnotatorConfig;
import org.casie.text.Preprocessor;
import org.casie.text.TokenTable;
import org.casie.text.bert.ContextualEncoder;
import org.casie.text.bert.EncoderSpec;
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

    @Option(names = "--bert", split = ",", paramLabel = "VARIANT",
            description = "Also fill the BERT vector cache for these encoder variants, in one pass up to the deepest "
                    + "layer: LAYER/POOLING or L1+L2+.../POOLING (a mean of layers), e.g. 8/first,9+10+11+12/first.")
    List<String> bert = List.of();

    @Option(names = "--bert-cased", description = "Fill the cache of the cased BERT-base weights (default: uncased).")
    boolean bertCased;

    @Option(names = "--bert-context", paramLabel = "WINDOWS", defaultValue = "sentence",
            description = "What a BERT window holds: sentence (default) or document (windows across sentences).")
    String bertContext;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        LoadedCorpus corpus = new CorpusLoader().loadFiles(CorpusLoader.goldFiles(paths), common.threads());
        CorpusInputs.summarise("input", corpus);
        Preprocessor preprocessor = new Preprocessor(new AnnotatorConfig(!noNer, !noDepparse), common.cacheDir());
        List<Document> docs = corpus.documents();
        long cached = docs.stream().filter(d -> preprocessor.isCached(d.content())).count();
        long start = System.nanoTime();
        var texts = CorpusInputs.annotate(docs, preprocessor, common.threads(), "preprocess");
        double seconds = (System.nanoTime() - start) / 1e9;
        long tokens = texts.stream().mapToLong(t -> t.tokens().size()).sum();
        System.out.printf("%d documents (%d already cached) annotated with %s in %.1f s (%.1f documents/s, %d tokens, "
                        + "%.0f tokens/s); cache: %s%n", docs.size(), cached, preprocessor.config().annotators(), seconds,
                docs.size() / Math.max(seconds, 1e-9), tokens, tokens / Math.max(seconds, 1e-9), common.cacheDir());
        if (!bert.isEmpty()) {
            fillVectors(texts.stream().map(t -> t.document().content()).toList(),
                    texts.stream().map(t -> t.tokens()).toList(), preprocessor.config().cacheKey());
        }
        return corpus.rejectedFiles().isEmpty() ? ExitCodes.OK : ExitCodes.SOME_INPUTS_FAILED;
    }

    private void fillVectors(List<String> contents, List<TokenTable> tables, String tokenizationKey) {
        if (common.cacheDir() == null) {
            throw new UserException("--bert fills the vector cache; it cannot be combined with --no-cache");
        }
        List<EncoderSpec> variants;
        try {
            EncoderSpec base = EncoderSpec.defaults().withCasing(bertCased).withContext(bertContext);
            variants = bert.stream().map(base::variant).toList();
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        long start = System.nanoTime();
        try (ContextualEncoder encoder = new ContextualEncoder(variants, tokenizationKey, common.cacheDir(), common.threads());
             ProgressBar bar = Progress.bar("bert " + String.join(",", bert), contents.size())) {
            long cached = contents.stream().filter(encoder::isCached).count();
            encoder.encodeAll(contents, tables, bar::stepBy);
            System.out.printf("BERT vectors for %d documents (%d already cached), variants %s, in %.1f s%n",
                    contents.size(), cached, String.join(", ", bert), (System.nanoTime() - start) / 1e9);
        }
    }
}
