package org.casie.text.bert;

import org.casie.io.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Contextual vectors on disk, one file per document keyed like the annotation cache (text hash, annotators,
 * encoder, layer, pooling); bfloat16 with a CRC32, written atomically, a damaged entry rebuilt.
 */
public final class VectorCache {

    private static final Logger LOG = LoggerFactory.getLogger(VectorCache.class);
    private static final int MAGIC = 0x43425631; // "CBV1"

    private final Path dir;

    public VectorCache(Path dir) {
        this.dir = dir;
    }

    Path entry(String key) {
        return dir.resolve(key.substring(0, 2)).resolve(key + ".vec");
    }

    public boolean contains(String key) {
        return Files.exists(entry(key));
    }

    public Optional<ContextVectors> get(String key) {
        Path file = entry(key);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            ByteBuffer in = ByteBuffer.wrap(bytes);
            if (bytes.length < 20 || in.getInt() != MAGIC) {
                throw new IOException("not a vector file");
            }
            CRC32 crc = new CRC32();
            crc.update(bytes, 0, bytes.length - 8);
            if (crc.getValue() != ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong()) {
                throw new IOException("checksum mismatch");
            }
            int tokens = in.getInt();
            int dim = in.getInt();
            if (tokens < 0 || dim <= 0 || 12 + 2L * tokens * dim + 8 != bytes.length) {
                throw new IOException("size mismatch");
            }
            short[] data = new short[tokens * dim];
            in.asShortBuffer().get(data);
            return Optional.of(new ContextVectors(data, tokens, dim));
        } catch (IOException | RuntimeException e) {
            LOG.warn("vector cache entry {} is unreadable ({}); rebuilding it", file, e.getMessage());
            return Optional.empty();
        }
    }

    public void put(String key, ContextVectors v) {
        Path file = entry(key);
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(12 + v.data().length * 2 + 8);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeInt(v.tokens());
            out.writeInt(v.dimension());
            for (short s : v.data()) {
                out.writeShort(s);
            }
            out.flush();
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeLong(crc.getValue());
            AtomicFiles.write(file, bytes.toByteArray());
        } catch (IOException e) {
            LOG.warn("could not write vector cache entry {}: {}", file, e.getMessage());
        }
    }
}
