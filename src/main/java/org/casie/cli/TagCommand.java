package org.casie.cli;

import me.tongfei.progressbar.ProgressBar;
import org.casie.corpus.Document;
import org.casie.incident.TaggedArticle;
import org.casie.tag.EventExtractor;
import org.casie.tag.ShippedModels;
import org.casie.tag.io.Article;
import org.casie.tag.io.ArticleReadException;
import org.casie.tag.io.ArticleReader;
import org.casie.tag.io.OutputFormats;
import org.casie.tag.io.OutputWriter;
import org.casie.tag.io.SummaryWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.casie.corpus.Problem;
import org.casie.model.StageClock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/** {@code casie tag}: finds cybersecurity events in unseen articles. */
@Command(name = "tag", mixinStandardHelpOptions = true,
        description = "Tag articles (CASIE JSON, CASIE source text, markdown, HTML or plain text, detected from content) "
                + "with a model. Without --out, a summary per article goes to stdout. Bad files are skipped and listed; "
                + "exit 1 if any were.")
public final class TagCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files, directories (recursive) or - for standard input.")
    List<String> inputs;

    @Option(names = "--model", defaultValue = ShippedModels.DEFAULT, paramLabel = "MODEL",
            description = "Bundle path or shipped model name (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--format", defaultValue = "json", paramLabel = "LIST",
            description = "Output formats with --out: json, brat, html, summary, incidents, csv, stix (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "DIR", description = "Write outputs here instead of a summary to stdout.")
    Path out;

    @Option(names = "--skip-existing", description = "Skip inputs whose first output file already exists (resume a run).")
    boolean skipExisting;

    @Option(names = "--timings", description = "Print where the time went at the end (CoreNLP, BERT, features, "
            + "DL4J, decoding, records), summed over threads.")
    boolean timings;

    @Mixin
    CommonOptions common;

    private final ArticleReader reader = new ArticleReader();

    @Override
    public Integer call() throws Exception {
        if (timings) {
            StageClock.enable();
        }
        List<OutputWriter> writers;
        try {
            writers = out == null ? List.of() : OutputFormats.parse(format);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        List<Path> files = files();
        Path modelPath = ShippedModels.resolve(model);
        if (!Files.exists(modelPath)) {
            throw new UserException("model " + modelPath + " not found; train one with 'casie train' or pass --model PATH");
        }
        EventExtractor extractor = EventExtractor.load(modelPath, common.cacheDir(), common.threads());
        List<String> failed = new ArrayList<>();
        Set<Path> inputs = new HashSet<>();
        files.forEach(f -> inputs.add(f.toAbsolutePath().normalize()));
        Map<String, Path> ids = new HashMap<>();
        int tagged = 0;
        int skipped = 0;
        long start = System.nanoTime();
        HeapReport heap = new HeapReport(files.size(), start);
        ExecutorService pool = Executors.newFixedThreadPool(common.threads());
        try (ProgressBar bar = files.size() > 1 ? Progress.bar("tag", files.size()) : null) {
            // Windows of a few files: memory bounded by the window, not the number of files; outputs written as
            // each file finishes (an interrupted run keeps them, --skip-existing resumes); stdout in input order.
            int window = Math.max(2, 2 * common.threads());
            for (int from = 0; from < files.size(); from += window) {
                List<Future<Result>> futures = new ArrayList<>();
                for (Path f : files.subList(from, Math.min(files.size(), from + window))) {
                    String problem = checkOutputs(f, writers, ids, inputs);
                    futures.add(problem != null ? CompletableFuture.completedFuture(new Result(null, problem, false))
                            : pool.submit(() -> tagOne(f, extractor, writers)));
                }
                for (Future<Result> future : futures) {
                    Result r = get(future);
                    if (r.error != null) {
                        failed.add(r.error);
                    } else if (r.skipped) {
                        skipped++;
                    } else {
                        tagged++;
                        if (out == null) {
                            System.out.print(SummaryWriter.render(r.article));
                        }
                    }
                    if (bar != null) {
                        bar.step();
                    }
                    heap.fileDone(r.skipped);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.err.printf("tagged %d article(s) in %.1f s%s%s%n", tagged, seconds,
                skipped > 0 ? ", skipped " + skipped + " already done" : "", out == null ? "" : "; outputs in " + out);
        if (timings) {
            System.err.print(StageClock.report());
        }
        if (!failed.isEmpty()) {
            System.err.println(failed.size() + " input(s) were skipped:");
            failed.forEach(f -> System.err.println("  " + f));
            return ExitCodes.SOME_INPUTS_FAILED;
        }
        return ExitCodes.OK;
    }

    private record Result(TaggedArticle article, String error, boolean skipped) {
    }

    /**
     * Why {@code file} must not be tagged into {@code out}, or {@code null}: two inputs would write the same
     * outputs (a.txt and a.html, or a/x.txt and b/x.txt), or an output would overwrite an input.
     */
    private String checkOutputs(Path file, List<OutputWriter> writers, Map<String, Path> ids, Set<Path> inputs) {
        if (out == null || file.toString().equals("-")) {
            return null;
        }
        String id = ArticleReader.idOf(file.getFileName().toString());
        Path first = ids.putIfAbsent(id, file);
        if (first != null) {
            return file + ": its outputs (" + id + ".*) would overwrite those of " + first + "; rename one of them";
        }
        for (OutputWriter w : writers) {
            for (String name : w.files(id)) {
                if (inputs.contains(out.resolve(name).toAbsolutePath().normalize())) {
                    return file + ": output " + out.resolve(name) + " would overwrite an input; choose another --out";
                }
            }
        }
        return null;
    }

    private Result tagOne(Path file, EventExtractor extractor, List<OutputWriter> writers) {
        boolean stdin = file.toString().equals("-");
        if (!stdin && skipExisting && alreadyDone(ArticleReader.idOf(file.getFileName().toString()), writers)) {
            return new Result(null, null, true);
        }
        try {
            Article article = stdin ? reader.read(System.in, "stdin") : reader.read(file);
            article.warnings().forEach(w -> System.err.println("warning: " + w));
            TaggedArticle tagged = extractor.extractIncidents(article.document());
            for (OutputWriter w : writers) {
                w.write(tagged, out);
            }
            return new Result(tagged, null, false);
        } catch (ArticleReadException e) {
            return new Result(null, e.getMessage(), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot write the output: the run cannot go on
        } catch (RuntimeException e) {
            // A file the pipeline cannot handle is skipped and listed like an unreadable one; the batch goes on.
            if (Main.verbose) {
                e.printStackTrace();
            }
            return new Result(null, file + ": cannot be tagged (" + Problem.oneLine(String.valueOf(e), 200)
                    + "); run with --verbose for details and report it", false);
        }
    }

    /** Every output of a finished article exists (each is written whole, by rename). */
    private boolean alreadyDone(String id, List<OutputWriter> writers) {
        if (out == null || writers.isEmpty()) {
            return false;
        }
        for (OutputWriter w : writers) {
            for (String name : w.files(id)) {
                if (!Files.exists(out.resolve(name))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Result get(Future<Result> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : new IllegalStateException(e.getCause());
        }
    }

    private List<Path> files() {
        List<Path> files = new ArrayList<>();
        for (String input : inputs) {
            if (input.equals("-")) {
                files.add(Path.of("-"));
                continue;
            }
            Path p = Path.of(input);
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                            .sorted().forEach(files::add);
                } catch (IOException | UncheckedIOException e) {
                    throw new UserException("cannot list " + input + ": " + e.getMessage());
                }
            } else if (Files.exists(p)) {
                files.add(p);
            } else {
                throw new UserException("no such file or directory: " + input);
            }
        }
        return files;
    }

    /**
     * With {@code --verbose}, a line on stderr every twentieth of the run (at least every 100 files): files
     * done, rate, time left, and the heap, which stays flat however many files there are.
     */
    private static final class HeapReport {
        private final int total;
        private final long start;
        private final int every;
        private int done;
        private int tagged;

        HeapReport(int total, long start) {
            this.total = total;
            this.start = start;
            this.every = Math.max(100, total / 20);
        }

        /** @param skipped already done (--skip-existing): not counted in the rate, which would flatter the ETA */
        void fileDone(boolean skipped) {
            done++;
            tagged += skipped ? 0 : 1;
            if (!Main.verbose || (done % every != 0 && done != total)) {
                return;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = tagged / Math.max(seconds, 1e-9);
            long left = tagged == 0 ? -1 : Math.round((total - done) / rate);
            MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            long afterGc = -1;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null && pool.getName().contains("Old")) {
                    afterGc = pool.getCollectionUsage().getUsed();
                }
            }
            System.err.printf("tag: %d/%d files, %.1f files/s tagged, ETA %s; heap used %d MB%s of %d MB%n", done, total, rate,
                    left < 0 ? "?" : String.format("%dm%02ds", left / 60, left % 60), heap.getUsed() >> 20,
                    afterGc >= 0 ? " (old gen after last GC " + (afterGc >> 20) + " MB)" : "", heap.getMax() >> 20);
        }
    }
}
