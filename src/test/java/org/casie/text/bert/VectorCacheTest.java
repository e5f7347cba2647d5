package org.casie.text.bert;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VectorCacheTest {

    private static ContextVectors sample() {
        return ContextVectors.of(new float[][] {{1.0f, -2.5f, 0.1f}, {3.14159f, 0f, -1e-3f}}, 3);
    }

    @Test
    void bfloat16KeepsAboutThreeSignificantDigits() {
        ContextVectors v = sample();
        assertEquals(3.14159f, v.get(1, 0), 0.02f);
        assertEquals(-2.5f, v.get(0, 1), 0f);
        assertEquals(0.1f, v.get(0, 2), 0.001f);
    }

    @Test
    void roundTripsThroughDisk(@TempDir Path dir) {
        VectorCache cache = new VectorCache(dir);
        cache.put("abcdef01", sample());
        ContextVectors back = cache.get("abcdef01").orElseThrow();
        assertEquals(2, back.tokens());
        assertEquals(sample().get(1, 0), back.get(1, 0));
    }

    @Test
    void corruptEntryIsRebuiltNotFatal(@TempDir Path dir) throws Exception {
        VectorCache cache = new VectorCache(dir);
        cache.put("abcdef01", sample());
        Path entry = cache.entry("abcdef01");
        byte[] bytes = Files.readAllBytes(entry);
        bytes[14] ^= 1;
        Files.write(entry, bytes);
        assertTrue(cache.get("abcdef01").isEmpty());
    }
}
