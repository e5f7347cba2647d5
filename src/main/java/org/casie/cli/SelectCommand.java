package org.casie.cli;

import me.tongfei.progressbar.ProgressBar;
import org.casie.io.AtomicFiles;
import org.casie.corpus.BratWriter;
import org.casie.corpus.CorpusException;
import org.casie.corpus.CorpusLoader;
import org.casie.corpus.Document;
import org.casie.corpus.LoadedCorpus;
import org.casie.corpus.Splits;
import org.casie.tag.EventExtractor;
import org.casie.tag.ShippedModels;
import org.casie.tag.select.ArticleSelector;
import org.casie.tag.select.Choice;
import org.casie.tag.select.SelectionStrategy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;

/** {@code casie select --model M --pool DIR --n N}: the articles to annotate next (active learning). */
@Command(name = "select", mixinStandardHelpOptions = true,
        description = "Rank unannotated articles by how much annotating them should teach the model (uncertainty of "
                + "its predicted triggers and arguments, discounted for similarity to articles already chosen) and "
                + "print the N best as 'id<TAB>score'. With --out, also write them pre-annotated as brat for correction.")
public final class SelectCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "Bundle path or shipped model name.")
    String model;

    @Option(names = "--pool", required = true, paramLabel = "DIR",
            description = "Articles to choose from: *.txt, CASIE *.json or brat *.ann (+ .txt); annotations in them are ignored.")
    Path pool;

    @Option(names = "--n", required = true, paramLabel = "N", description = "How many articles to choose.")
    int n;

    @Option(names = "--strategy", defaultValue = "diverse", paramLabel = "NAME",
            description = "diverse, uncertainty or random (default: ${DEFAULT-VALUE}).")
    SelectionStrategy strategy;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed for random (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--ids", paramLabel = "FILE", description = "Only these ids of the pool (one per line).")
    Path ids;

    @Option(names = "--exclude", paramLabel = "FILE", description = "Skip these ids (e.g. the articles annotated already).")
    Path exclude;

    @Option(names = "--list", paramLabel = "FILE", description = "Also write the chosen ids, one per line (a split list).")
    Path list;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write the chosen articles pre-annotated as brat (.txt, .ann, annotation.conf, visual.conf).")
    Path out;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        if (n < 1) {
            throw new UserException("--n must be at least 1, got " + n);
        }
        long start = System.nanoTime();
        List<Document> articles = articles();
        if (articles.isEmpty()) {
            throw new UserException("no articles left in " + pool + " to choose from");
        }
        List<Document> tagged;
        Map<String, Document> byId = new HashMap<>();
        if (strategy == SelectionStrategy.random && out == null) {
            tagged = articles; // random needs no model
        } else {
            tagged = tag(articles);
        }
        tagged.forEach(d -> byId.put(d.id(), d));
        List<Choice> chosen = ArticleSelector.select(tagged, n, strategy, seed);
        StringBuilder ids = new StringBuilder();
        for (Choice c : chosen) {
            System.out.printf("%s\t%.4f%n", c.id(), c.score());
            ids.append(c.id()).append('\n');
        }
        if (list != null) {
            AtomicFiles.write(list, ids.toString());
        }
        if (out != null) {
            Files.createDirectories(out);
            BratWriter.writeConfig(out);
            BratWriter writer = new BratWriter();
            for (Choice c : chosen) {
                writer.write(byId.get(c.id()), out);
            }
        }
        System.err.printf("chose %d of %d articles (%s) in %.1f s%n", chosen.size(), articles.size(), strategy,
                (System.nanoTime() - start) / 1e9);
        return ExitCodes.OK;
    }

    private List<Document> tag(List<Document> articles) {
        Path modelPath = ShippedModels.resolve(model);
        if (!Files.exists(modelPath)) {
            throw new UserException("model " + modelPath + " not found; train one with 'casie train' or pass --model PATH");
        }
        try (EventExtractor extractor = EventExtractor.load(modelPath, common.cacheDir(), common.threads());
             ProgressBar bar = Progress.bar("tag pool", articles.size())) {
            ForkJoinPool workers = new ForkJoinPool(common.threads());
            try {
                return workers.submit(() -> articles.parallelStream().map(d -> {
                    Document t = extractor.extract(d);
                    bar.step();
                    return t;
                }).toList()).join();
            } finally {
                workers.shutdown();
            }
        }
    }

    /** The pool's articles (text only), in id order, restricted by --ids and --exclude. */
    private List<Document> articles() throws IOException {
        if (!Files.isDirectory(pool)) {
            throw new UserException("--pool " + pool + ": not a directory");
        }
        Set<String> only = ids == null ? null : new HashSet<>(Splits.read(ids));
        Set<String> skip = exclude == null ? Set.of() : new HashSet<>(Splits.read(exclude));
        LoadedCorpus gold;
        try {
            gold = new CorpusLoader().loadFiles(CorpusLoader.goldFiles(List.of(pool)).stream()
                    .filter(f -> keep(CorpusLoader.id(f), only, skip)).toList(), common.threads());
        } catch (CorpusException e) {
            throw new UserException(e.getMessage());
        }
        Map<String, Document> docs = new HashMap<>();
        for (Document d : gold.documents()) {
            docs.put(d.id(), Document.ofText(d.id(), d.content()));
        }
        gold.rejectedFiles().forEach(f -> System.err.println("  rejected: " + f));
        try (Stream<Path> files = Files.list(pool)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
                String name = f.getFileName().toString();
                String id = name.substring(0, name.length() - 4);
                if (!docs.containsKey(id) && keep(id, only, skip) && !Files.exists(pool.resolve(id + ".ann"))) {
                    docs.put(id, Document.ofText(id, Files.readString(f)));
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<Document> out = new ArrayList<>(docs.values());
        out.sort(java.util.Comparator.comparing(Document::id));
        return out;
    }

    private static boolean keep(String id, Set<String> only, Set<String> skip) {
        return (only == null || only.contains(id)) && !skip.contains(id);
    }
}
