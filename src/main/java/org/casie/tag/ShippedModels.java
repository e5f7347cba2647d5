package org.casie.tag;

import org.casie.io.AtomicFiles;
import org.casie.io.Sha256;
import org.casie.text.AnnotationCache;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the shipped model bundles. A model argument may be a path or the name of a shipped model
 * ({@code accurate}, the default, or {@code fast}). A name is looked up in {@code -Dcasie.home}'s {@code models/},
 * then on the class path, where the jar carries every shipped bundle as {@code org/casie/models/NAME.zip} (so a
 * jar dependency finds its own bundles from any working directory), then in {@code models/} of the working
 * directory or above the jar. A class-path bundle is copied once into the cache directory (bundles are read
 * from files), under a name holding its checksum, so a newer jar never reuses an older copy.
 */
public final class ShippedModels {

    public static final String DEFAULT = "accurate";

    /** Where the jar carries the shipped bundles. */
    static final String RESOURCE_DIR = "org/casie/models/";

    private ShippedModels() {
    }

    /** {@code -Dcasie.home}'s models directory, if set and present. */
    static Optional<Path> homeModelsDir() {
        String home = System.getProperty("casie.home");
        return home != null && Files.isDirectory(Path.of(home, "models")) ? Optional.of(Path.of(home, "models"))
                : Optional.empty();
    }

    /** {@code -Dcasie.home}, else the working directory, else the directory above the jar. */
    static Optional<Path> modelsDir() {
        if (homeModelsDir().isPresent()) {
            return homeModelsDir();
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

    /**
     * A path as given when it exists; else a shipped model of that name (see the class comment); else the path as
     * given or the models directory's missing file (the caller reports it).
     */
    public static Path resolve(String nameOrPath) {
        Path path = Path.of(nameOrPath);
        if (Files.exists(path) || nameOrPath.contains("/") || nameOrPath.endsWith(".zip")) {
            return path;
        }
        Optional<Path> home = homeModelsDir();
        if (home.isPresent() && Files.exists(home.get().resolve(nameOrPath + ".zip"))) {
            return home.get().resolve(nameOrPath + ".zip");
        }
        Optional<Path> fromClassPath = fromClassPath(nameOrPath, AnnotationCache.defaultRoot().resolve("models"));
        if (fromClassPath.isPresent()) {
            return fromClassPath.get();
        }
        return modelsDir().map(d -> d.resolve(nameOrPath + ".zip")).orElse(path);
    }

    /** The class path's bundle {@code name}, as a file under {@code cacheDir}; empty when the class path has none. */
    static Optional<Path> fromClassPath(String name, Path cacheDir) {
        ClassLoader loader = ShippedModels.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(RESOURCE_DIR + name + ".zip")) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            String sha = Sha256.hex(bytes);
            Path file = cacheDir.resolve(name + "-" + sha.substring(0, 16) + ".zip");
            if (!Files.exists(file) || Files.size(file) != bytes.length) {
                AtomicFiles.write(file, bytes);
            }
            return Optional.of(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the shipped model " + name + " into " + cacheDir + ": "
                    + e.getMessage(), e);
        }
    }
}

