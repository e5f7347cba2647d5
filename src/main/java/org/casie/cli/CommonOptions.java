package org.casie.cli;

import org.casie.text.AnnotationCache;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options that mean the same in every verb. */
public final class CommonOptions {

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Cache directory for CoreNLP annotations (default: ${DEFAULT-VALUE}).")
    Path cache = AnnotationCache.defaultRoot();

    @Option(names = "--no-cache", description = "Do not read or write the annotation cache.")
    boolean noCache;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: number of cores, ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--verbose", description = "Show stack traces on errors.")
    boolean verbose;

    public boolean verbose() {
        return verbose;
    }

    public Path cacheDir() {
        return noCache ? null : cache;
    }

    public int threads() {
        return Math.max(1, threads);
    }
}
