package org.casie.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Loads annotation files in parallel; a bad file is reported and skipped, never fatal. Gold comes as CASIE
 * JSON ({@code <id>.json}) or brat standoff ({@code <id>.ann} beside {@code <id>.txt}): the format is told by
 * the file, never by a flag.
 */
public final class CorpusLoader {

    private final AnnotationReader reader;
    private final BratReader bratReader;

    public CorpusLoader() {
        this(new AnnotationReader(), new BratReader());
    }

    private CorpusLoader(AnnotationReader reader, BratReader bratReader) {
        this.reader = reader;
        this.bratReader = bratReader;
    }

    /** A loader for predictions: spans at their offsets as written, in either format (no realignment). */
    public static CorpusLoader asWritten() {
        return new CorpusLoader(AnnotationReader.asWritten(), BratReader.asWritten());
    }

    /**
     * Every gold file under each path (files or directories, recursively), sorted by name: {@code *.json}, and
     * {@code *.ann} unless a {@code .json} of the same name sits beside it.
     */
    public static List<Path> goldFiles(List<Path> paths) {
        return filesUnder(paths, CorpusLoader::isGold);
    }

    private static boolean isGold(Path f) {
        String name = f.toString();
        if (name.endsWith(".json")) {
            return true;
        }
        return name.endsWith(".ann") && !Files.exists(Path.of(name.substring(0, name.length() - 4) + ".json"));
    }

    /** The document id of a gold file: its name without {@code .json} or {@code .ann}. */
    public static String id(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".json") ? name.substring(0, name.length() - 5)
                : name.endsWith(".ann") ? name.substring(0, name.length() - 4) : name;
    }

    /** Reads one gold file with the reader its extension names. */
    public ReadResult read(Path file) {
        return file.toString().endsWith(".ann") ? bratReader.read(file) : reader.read(file);
    }

    /** Every {@code *.json} under each path (files or directories, recursively), sorted by name. */
    public static List<Path> jsonFiles(List<Path> paths) {
        return filesUnder(paths, f -> f.toString().endsWith(".json"));
    }

    /** The files given, and those under each directory given (recursively) that {@code wanted} accepts, sorted by name. */
    private static List<Path> filesUnder(List<Path> paths, Predicate<Path> wanted) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(f -> Files.isRegularFile(f) && wanted.test(f)).forEach(files::add);
                } catch (IOException | UncheckedIOException e) {
                    throw new CorpusException("cannot list " + p + ": " + e.getMessage());
                }
            } else if (Files.exists(p)) {
                files.add(p);
            } else {
                throw new CorpusException("no such file or directory: " + p);
            }
        }
        files.sort(Comparator.comparing((Path f) -> f.getFileName().toString()).thenComparing(Path::toString));
        return files;
    }

    /**
     * The files {@code dir/<id>.json} (else {@code dir/<id>.ann}, brat) for the listed ids; a missing one is
     * reported as an error.
     */
    public LoadedCorpus load(Path dir, List<String> ids, int threads) {
        if (!Files.isDirectory(dir)) {
            throw new CorpusException("not a directory: " + dir);
        }
        List<Path> files = new ArrayList<>();
        List<Problem> missing = new ArrayList<>();
        for (String id : ids) {
            Path f = dir.resolve(id + ".json");
            Path ann = dir.resolve(id + ".ann");
            if (Files.exists(f)) {
                files.add(f);
            } else if (Files.exists(ann)) {
                files.add(ann);
            } else {
                missing.add(new Problem(id + ".json", "", "listed but not found in " + dir + " (nor " + id + ".ann)"));
            }
        }
        LoadedCorpus loaded = loadFiles(files, threads);
        if (missing.isEmpty()) {
            return loaded;
        }
        List<Problem> errors = new ArrayList<>(missing);
        errors.addAll(loaded.errors());
        List<String> rejected = new ArrayList<>(missing.stream().map(Problem::file).toList());
        rejected.addAll(loaded.rejectedFiles());
        return new LoadedCorpus(loaded.documents(), loaded.realigned(), loaded.dropped(), errors, rejected);
    }

    public LoadedCorpus loadFiles(List<Path> files, int threads) {
        List<ReadResult> results;
        if (threads <= 1) {
            results = files.stream().map(this::read).toList();
        } else {
            java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(threads);
            try {
                results = pool.submit(() -> files.parallelStream().map(this::read).toList()).join();
            } finally {
                pool.shutdown();
            }
        }
        List<Document> docs = new ArrayList<>();
        List<Realignment> realigned = new ArrayList<>();
        List<Problem> dropped = new ArrayList<>();
        List<Problem> errors = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            ReadResult r = results.get(i);
            if (r.document().isPresent()) {
                docs.add(r.document().get());
            } else {
                rejected.add(files.get(i).toString());
            }
            realigned.addAll(r.realigned());
            dropped.addAll(r.dropped());
            errors.addAll(r.errors());
        }
        return new LoadedCorpus(docs, realigned, dropped, errors, rejected);
    }
}
