package org.casie.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Loads annotation files in parallel; a bad file is reported and skipped, never fatal. */
public final class CorpusLoader {

    private final AnnotationReader reader = new AnnotationReader();

    /** Every {@code *.json} under each path (files or directories, recursively), sorted by name. */
    public static List<Path> jsonFiles(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(".json")).forEach(files::add);
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

    /** The files {@code dir/<id>.json} for the listed ids; a missing one is reported as an error. */
    public LoadedCorpus load(Path dir, List<String> ids, int threads) {
        if (!Files.isDirectory(dir)) {
            throw new CorpusException("not a directory: " + dir);
        }
        List<Path> files = new ArrayList<>();
        List<Problem> missing = new ArrayList<>();
        for (String id : ids) {
            Path f = dir.resolve(id + ".json");
            if (Files.exists(f)) {
                files.add(f);
            } else {
                missing.add(new Problem(id + ".json", "", "listed but not found in " + dir));
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
            results = files.stream().map(reader::read).toList();
        } else {
            java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(threads);
            try {
                results = pool.submit(() -> files.parallelStream().map(reader::read).toList()).join();
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
