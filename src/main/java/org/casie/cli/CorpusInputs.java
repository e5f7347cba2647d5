package org.casie.cli;

import me.tongfei.progressbar.ProgressBar;
import org.casie.corpus.CorpusException;
import org.casie.corpus.CorpusLoader;
import org.casie.corpus.Document;
import org.casie.corpus.LoadedCorpus;
import org.casie.corpus.Splits;
import org.casie.examples.AnnotatedText;
import org.casie.model.ModelSettings;
import org.casie.text.AnnotationCache;
import org.casie.text.Preprocessor;
import org.casie.text.TokenTable;
import org.casie.text.bert.ContextVectors;
import org.casie.text.bert.ContextualEncoder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loads listed gold documents and annotates them with CoreNLP (through the cache), with progress. */
final class CorpusInputs {

    private CorpusInputs() {
    }

    /** Documents of a split list under {@code dir}; problems are summarised on stderr. */
    static LoadedCorpus load(Path dir, Path list, int threads) {
        try {
            List<String> ids = Splits.read(list);
            LoadedCorpus corpus = new CorpusLoader().load(dir, ids, threads);
            summarise(list.getFileName().toString(), corpus);
            return corpus;
        } catch (CorpusException e) {
            throw new UserException(e.getMessage());
        }
    }

    static void summarise(String name, LoadedCorpus corpus) {
        System.err.printf("%s: %d documents (%d spans realigned, %d dropped, %d errors, %d files rejected)%n", name,
                corpus.documents().size(), corpus.realigned().size(), corpus.dropped().size(), corpus.errors().size(),
                corpus.rejectedFiles().size());
        corpus.rejectedFiles().forEach(f -> System.err.println("  rejected: " + f));
    }

    /**
     * Adds contextual vectors when the settings name an encoder (accurate profile), filling the vector cache
     * with a progress bar; returns {@code texts} unchanged for the fast profile.
     */
    static List<AnnotatedText> withContext(List<AnnotatedText> texts, ModelSettings settings, CommonOptions common,
                                           String task) {
        if (settings.encoder() == null || texts.isEmpty()) {
            return texts;
        }
        Path root = common.cacheDir() != null ? common.cacheDir() : AnnotationCache.defaultRoot();
        List<ContextVectors> vectors;
        try (ContextualEncoder encoder = new ContextualEncoder(settings.encoder(), settings.annotators().cacheKey(), root,
                common.threads()); ProgressBar bar = Progress.bar(task, texts.size())) {
            vectors = encoder.encodeAll(texts.stream().map(t -> t.document().content()).toList(),
                    texts.stream().map(AnnotatedText::tokens).toList(), bar::stepBy);
        }
        List<AnnotatedText> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            out.add(new AnnotatedText(texts.get(i).document(), texts.get(i).tokens(), vectors.get(i)));
        }
        return out;
    }

    static List<AnnotatedText> annotate(List<Document> docs, Preprocessor preprocessor, int threads, String task) {
        List<TokenTable> tables;
        try (ProgressBar bar = Progress.bar(task, docs.size())) {
            tables = preprocessor.processAll(docs.stream().map(Document::content).toList(), threads, bar::stepBy);
        }
        List<AnnotatedText> out = new ArrayList<>(docs.size());
        for (int i = 0; i < docs.size(); i++) {
            out.add(new AnnotatedText(docs.get(i), tables.get(i)));
        }
        return out;
    }
}
