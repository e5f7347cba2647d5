package org.casie.tag;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the model bundles shipped in the project's {@code models/} directory. A model argument may be a
 * path or the name of a shipped model ({@code accurate}, the default, or {@code fast}).
 */
public final class ShippedModels {

    public static final String DEFAULT = "accurate";

    private ShippedModels() {
    }

    /** {@code -Dcasie.home}, else the working directory, else the directory above the jar. */
    static Optional<Path> modelsDir() {
        String home = System.getProperty("casie.home");
        if (home != null && Files.isDirectory(Path.of(home, "models"))) {
            return Optional.of(Path.of(home, "models"));
        }
        if (Files.isDirectory(Path.of("models"))) {
            return Optional.of(Path.of("models"));
        }
        try {
            Path jar = Path.of(ShippedModels.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path models = jar.getParent().getParent().resolve("models");
            return Files.isDirectory(models) ? Optional.of(models) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** A path as given when it exists; else a shipped model of that name. */
    public static Path resolve(String nameOrPath) {
        Path path = Path.of(nameOrPath);
        if (Files.exists(path)) {
            return path;
        }
        if (!nameOrPath.contains("/") && !nameOrPath.endsWith(".zip")) {
            Optional<Path> dir = modelsDir();
            if (dir.isPresent()) {
                return dir.get().resolve(nameOrPath + ".zip");
            }
        }
        return path;
    }
}
