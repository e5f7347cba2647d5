package org.casie.cli;

import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** The bundle a training verb writes ({@code train}, {@code train-hoppers}, {@code ensemble}), never over another unasked. */
public final class BundleOutput {

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "Model bundle to write (.zip).")
    Path out;

    @Option(names = "--force", description = "Overwrite an existing output bundle (train: and discard the checkpoint "
            + "of an interrupted run when not resuming).")
    boolean force;

    public Path path() {
        return out;
    }

    public boolean force() {
        return force;
    }

    /** Refuses, before any slow work, to replace an existing bundle without {@code --force}. */
    public void checkWritable() {
        if (Files.exists(out) && !force) {
            throw new UserException(out + " exists; pass --force to overwrite it");
        }
    }
}
