package org.casie.cli;

import me.tongfei.progressbar.ProgressBar;
import org.casie.corpus.CorpusException;
import org.casie.corpus.CorpusLoader;
import org.casie.corpus.Document;
import org.casie.corpus.LoadedCorpus;
import org.casie.corpus.Splits;
import org.casie.examples.AnnotatedText;
import org.casie.tag.TextAnnotator;
import org.casie.text.Preprocessor;
import org.casie.text.TokenTable;

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
     * Documents as a model's input ({@link TextAnnotator}), with a progress bar for CoreNLP ({@code annotate...})
     * and, for the accurate profile, one for the encoder ({@code encode...}).
     *
     * @param what named in the progress bars after the verb, e.g. {@code " dev"}
     */
    static List<AnnotatedText> annotate(List<Document> docs, TextAnnotator annotator, int threads, String what) {
        try (ProgressBar annotated = Progress.bar("annotate" + what, docs.size());
             ProgressBar encoded = annotator.encodes() && !docs.isEmpty() ? Progress.bar("encode" + what, docs.size())
                     : null) {
            return annotator.annotateAll(docs, threads, annotated::stepBy, encoded == null ? n -> { } : encoded::stepBy);
        }
    }

    /** CoreNLP tokens only, without contextual vectors whatever the profile (hopper features, preprocessing). */
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
