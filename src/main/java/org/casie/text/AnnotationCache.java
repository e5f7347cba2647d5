package org.casie.text;

import org.casie.io.Sha256;
import org.casie.io.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Token tables on disk, keyed by SHA-256 of (annotator configuration, text). Entries are written to a
 * temporary file and renamed, so concurrent writers and crashes never leave a half entry; an entry that
 * fails its checksum is treated as missing and rebuilt by the caller.
 */
public final class AnnotationCache {

    private static final Logger LOG = LoggerFactory.getLogger(AnnotationCache.class);

    private final Path dir;

    public AnnotationCache(Path dir) {
        this.dir = dir;
    }

    /** {@code $XDG_CACHE_HOME/casie-extract} or {@code ~/.cache/casie-extract}. */
    public static Path defaultRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("casie-extract");
    }

    public Path dir() {
        return dir;
    }

    public static String key(String configKey, String text) {
        MessageDigest sha = Sha256.digest();
        sha.update(configKey.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }

    Path entry(String key) {
        return dir.resolve(key.substring(0, 2)).resolve(key + ".tok");
    }

    public Optional<TokenTable> get(String key) {
        Path file = entry(key);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(TokenTableCodec.decode(Files.readAllBytes(file)));
        } catch (IOException | RuntimeException e) {
            LOG.warn("cache entry {} is unreadable ({}); rebuilding it", file, e.getMessage());
            return Optional.empty();
        }
    }

    public void put(String key, TokenTable table) {
        Path file = entry(key);
        try {
            AtomicFiles.write(file, TokenTableCodec.encode(table));
        } catch (IOException e) {
            // A cache that cannot be written only costs speed, never correctness.
            LOG.warn("could not write cache entry {}: {}", file, e.getMessage());
        }
    }
}
