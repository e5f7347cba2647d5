package org.casie.tag;

import org.casie.corpus.Document;
import org.casie.incident.TaggedArticle;
import org.casie.corpus.Problem;
import org.casie.model.StageClock;
import org.casie.tag.io.Article;
import org.casie.tag.io.ArticleReadException;
import org.casie.tag.io.ArticleReader;
import org.casie.tag.io.OutputWriter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Tags many files with one extractor on a pool of threads. Files go in groups ({@link #groupSize}): a group's
 * articles are read and annotated side by side, then share the networks' batches; memory is bounded by the group,
 * not the number of files; outputs are written as each group finishes (an interrupted run keeps them,
 * {@link Options#skipExisting} resumes it); the listener hears of each file in input order.
 *
 * <p>A file that cannot be read or tagged is listed in {@link Outcome#failed} and the batch goes on; an output
 * that cannot be written stops the batch ({@link UncheckedIOException}).
 */
public final class BatchTagger {

    /**
     * @param out            where outputs go, or {@code null} for none (the listener gets the documents)
     * @param writers        output formats written into {@code out}; empty without {@code out}
     * @param skipExisting   pass over inputs whose every output already exists in {@code out}
     * @param threads        worker threads
     * @param reportProgress send the listener a rate, ETA and heap line every twentieth of the run
     * @param stdin          what the input {@link TagInputs#STDIN} reads
     */
    public record Options(Path out, List<OutputWriter> writers, boolean skipExisting, int threads,
                          boolean reportProgress, InputStream stdin) {
        public Options {
            writers = List.copyOf(writers);
            if (out == null && !writers.isEmpty()) {
                throw new IllegalArgumentException("output formats need an output directory");
            }
            threads = Math.max(1, threads);
            Objects.requireNonNull(stdin, "stdin");
        }
    }

    /** What a batch hears; {@link #warning} and {@link #crashed} come from worker threads, the rest in input order. */
    public interface Listener {

        /** A file was tagged (its outputs, if any, are written). */
        default void tagged(Path file, Document document) {
        }

        /** A file was tagged, with its incident records; by default passes the events on to {@link #tagged(Path, Document)}. */
        default void tagged(Path file, TaggedArticle article) {
            tagged(file, article.document());
        }

        /** A file is finished, whether tagged, skipped or failed. */
        default void fileDone(Path file) {
        }

        /** A reader's warning about an article. */
        default void warning(String message) {
        }

        /** A progress line (see {@link Options#reportProgress}). */
        default void progress(String line) {
        }

        /** The pipeline failed on a file; the file is listed in {@link Outcome#failed} and the batch goes on. */
        default void crashed(Path file, Throwable e) {
        }
    }

    /** @param failed one line per file that was not tagged, saying why */
    public record Outcome(int tagged, int skipped, List<String> failed, double seconds) {
    }

    private record Result(TaggedArticle article, String error, boolean skipped) {
    }

    /** Tags a group of documents on a pool of threads, each in its slot ({@link EventExtractor#extractIncidentsAll}). */
    @FunctionalInterface
    interface GroupTagging {
        List<EventExtractor.Attempt> tagAll(List<Document> documents, ExecutorService pool);
    }

    private final GroupTagging extractor;
    private final Options options;
    private final ArticleReader reader = new ArticleReader();

    public BatchTagger(EventExtractor extractor, Options options) {
        this(extractor::extractIncidentsAll, options);
    }

    /** Any tagging function in place of an extractor, one document at a time (tests make it fail on chosen articles). */
    BatchTagger(Function<Document, TaggedArticle> extractor, Options options) {
        this((documents, pool) -> {
            EventExtractor.Attempt[] out = new EventExtractor.Attempt[documents.size()];
            List<Runnable> tasks = new ArrayList<>();
            for (int i = 0; i < out.length; i++) {
                int d = i;
                tasks.add(() -> out[d] = EventExtractor.Attempt.of(() -> extractor.apply(documents.get(d))));
            }
            StageClock.runAll(tasks, pool);
            return List.of(out);
        }, options);
    }

    private BatchTagger(GroupTagging extractor, Options options) {
        this.extractor = extractor;
        this.options = options;
    }

    /**
     * Articles tagged together: their sentences share the networks' batches (fewer, fuller calls). Events do not
     * depend on the group (padding-free networks), so its size only trades memory for speed.
     */
    static int groupSize(int threads) {
        return Math.max(16, 2 * threads);
    }

    public Outcome run(List<Path> files, Listener listener) throws InterruptedException {
        List<String> failed = new ArrayList<>();
        Set<Path> inputs = new HashSet<>();
        files.forEach(f -> inputs.add(f.toAbsolutePath().normalize()));
        Map<String, Path> ids = new HashMap<>();
        int tagged = 0;
        int skipped = 0;
        long start = System.nanoTime();
        ThroughputReport report = new ThroughputReport(files.size(), start);
        ExecutorService pool = Executors.newFixedThreadPool(options.threads());
        try {
            int window = groupSize(options.threads());
            for (int from = 0; from < files.size(); from += window) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                List<Path> chunk = files.subList(from, Math.min(files.size(), from + window));
                Result[] results = tagGroup(chunk, ids, inputs, pool, listener);
                for (int i = 0; i < chunk.size(); i++) {
                    Result r = results[i];
                    if (r.error != null) {
                        failed.add(r.error);
                    } else if (r.skipped) {
                        skipped++;
                    } else {
                        tagged++;
                        listener.tagged(chunk.get(i), r.article);
                    }
                    listener.fileDone(chunk.get(i));
                    String line = report.fileDone(r.skipped);
                    if (line != null && options.reportProgress()) {
                        listener.progress(line);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Outcome(tagged, skipped, List.copyOf(failed), (System.nanoTime() - start) / 1e9);
    }

    /** Reads the group's files, tags the readable ones together, writes their outputs; one result per file. */
    private Result[] tagGroup(List<Path> chunk, Map<String, Path> ids, Set<Path> inputs, ExecutorService pool,
                              Listener listener) {
        Result[] results = new Result[chunk.size()];
        Document[] documents = new Document[chunk.size()];
        List<Runnable> reads = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            int f = i;
            String problem = checkOutputs(chunk.get(f), ids, inputs);
            if (problem != null) {
                results[f] = new Result(null, problem, false);
                continue;
            }
            reads.add(() -> {
                Path file = chunk.get(f);
                boolean stdin = TagInputs.isStdin(file);
                if (!stdin && options.skipExisting() && alreadyDone(ArticleReader.idOf(file.getFileName().toString()))) {
                    results[f] = new Result(null, null, true);
                    return;
                }
                try {
                    Article article = stdin ? reader.read(options.stdin(), "stdin") : reader.read(file);
                    article.warnings().forEach(listener::warning);
                    documents[f] = article.document();
                } catch (ArticleReadException e) {
                    results[f] = new Result(null, e.getMessage(), false);
                }
            });
        }
        StageClock.runAll(reads, pool);
        List<Integer> readable = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            if (documents[i] != null) {
                readable.add(i);
            }
        }
        List<EventExtractor.Attempt> attempts = extractor.tagAll(readable.stream().map(i -> documents[i]).toList(), pool);
        List<Runnable> writes = new ArrayList<>();
        for (int k = 0; k < readable.size(); k++) {
            int f = readable.get(k);
            EventExtractor.Attempt a = attempts.get(k);
            Path file = chunk.get(f);
            if (a.failure() != null) {
                // A file the pipeline cannot handle is skipped and listed like an unreadable one; the batch goes on.
                // A stack overflow unwinds to its task and leaves the JVM usable; running out of memory does not, and
                // is prevented by bounds (groups, long-run placeholders, the 20 MB limit), not caught.
                listener.crashed(file, a.failure());
                results[f] = new Result(null, file + ": cannot be tagged (" + Problem.oneLine(String.valueOf(a.failure()), 200)
                        + "); run with --verbose for details and report it", false);
                continue;
            }
            results[f] = new Result(a.article(), null, false);
            writes.add(() -> {
                try {
                    for (OutputWriter w : options.writers()) {
                        w.write(a.article(), options.out());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e); // cannot write the output: the run cannot go on
                }
            });
        }
        StageClock.runAll(writes, pool);
        return results;
    }

    /**
     * Why {@code file} must not be tagged into the output directory, or {@code null}: two inputs would write the
     * same outputs (a.txt and a.html, or a/x.txt and b/x.txt), or an output would overwrite an input.
     */
    private String checkOutputs(Path file, Map<String, Path> ids, Set<Path> inputs) {
        Path out = options.out();
        if (out == null || TagInputs.isStdin(file)) {
            return null;
        }
        String id = ArticleReader.idOf(file.getFileName().toString());
        Path first = ids.putIfAbsent(id, file);
        if (first != null) {
            return file + ": its outputs (" + id + ".*) would overwrite those of " + first + "; rename one of them";
        }
        for (OutputWriter w : options.writers()) {
            for (String name : w.files(id)) {
                if (inputs.contains(out.resolve(name).toAbsolutePath().normalize())) {
                    return file + ": output " + out.resolve(name) + " would overwrite an input; choose another --out";
                }
            }
        }
        return null;
    }

    /** Every output of a finished article exists (each is written whole, by rename). */
    private boolean alreadyDone(String id) {
        if (options.out() == null || options.writers().isEmpty()) {
            return false;
        }
        for (OutputWriter w : options.writers()) {
            for (String name : w.files(id)) {
                if (!Files.exists(options.out().resolve(name))) {
                    return false;
                }
            }
        }
        return true;
    }
}
