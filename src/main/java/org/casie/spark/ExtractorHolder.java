package org.casie.spark;

import org.apache.spark.SparkFiles;
import org.casie.tag.EventExtractor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link EventExtractor} per executor JVM and model: loaded by the first task that needs it (model, CoreNLP
 * and BERT weights), then shared by every task and core of that JVM (the extractor is thread-safe).
 */
public final class ExtractorHolder {

    private static final Map<String, EventExtractor> EXTRACTORS = new ConcurrentHashMap<>();

    private ExtractorHolder() {
    }

    /**
     * @param model    a bundle path readable on the executor (a shared path), or the file name of a bundle shipped
     *                 with {@code spark-submit --files}
     * @param cacheDir annotation and vector cache on the executor, or {@code null} for none
     */
    public static EventExtractor get(String model, String cacheDir) {
        return EXTRACTORS.computeIfAbsent(model + "|" + cacheDir, k -> EventExtractor.load(resolve(model),
                cacheDir == null ? null : Path.of(cacheDir), Runtime.getRuntime().availableProcessors()));
    }

    static Path resolve(String model) {
        Path path = Path.of(model);
        if (Files.exists(path)) {
            return path;
        }
        try {
            Path shipped = Path.of(SparkFiles.get(path.getFileName().toString()));
            if (Files.exists(shipped)) {
                return shipped;
            }
        } catch (RuntimeException e) {
            // no SparkContext in this JVM: nothing was shipped
        }
        throw new IllegalArgumentException("model " + model + " is neither a path on this executor nor a file shipped "
                + "with --files");
    }
}
