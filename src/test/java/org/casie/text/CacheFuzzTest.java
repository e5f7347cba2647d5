package org.casie.text;

import org.casie.corpus.Fuzz;
import org.casie.examples.SpanAlignerTest;
import org.casie.text.bert.ContextVectors;
import org.casie.text.bert.VectorCache;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Fuzz properties of the two cache readers (CoreNLP token tables, BERT vectors): a damaged entry is read as
 * missing, so the caller rebuilds it, and never as a different table or as an exception.
 */
class CacheFuzzTest {

    private static final Path DIR;
    private static final TokenTable TABLE = SpanAlignerTest.table();
    private static final ContextVectors VECTORS = ContextVectors.of(new float[][] {{1f, -2.5f, 0.1f}, {3.1f, 0f, -1e-3f}}, 3);

    static {
        try {
            DIR = Files.createTempDirectory("cache-fuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void cleanUp() throws IOException {
        try (var files = Files.walk(DIR)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void aDamagedTokenTableEntryReadsAsMissing() {
        AnnotationCache cache = new AnnotationCache(DIR.resolve("corenlp"));
        Fuzz.campaign("cache-tokens", 3000, 51, Fuzz.inputsLike(List.of(TokenTableCodec.encode(TABLE))), input -> {
            String key = "ab" + Integer.toHexString(Arrays.hashCode(input));
            Path entry = cache.entry(key);
            Files.createDirectories(entry.getParent());
            Files.write(entry, input);
            Optional<TokenTable> read = cache.get(key);
            Files.delete(entry);
            read.ifPresent(t -> assertEquals(TABLE, t, "a damaged entry never reads as another table"));
            return read.isPresent() ? "intact" : "missing";
        });
    }

    private static float[] values(ContextVectors v) {
        float[] out = new float[v.tokens() * v.dimension()];
        for (int t = 0; t < v.tokens(); t++) {
            for (int k = 0; k < v.dimension(); k++) {
                out[t * v.dimension() + k] = v.get(t, k);
            }
        }
        return out;
    }

    @Test
    void aDamagedVectorEntryReadsAsMissing() throws IOException {
        new VectorCache(DIR.resolve("seed")).put("cd000000", VECTORS);
        byte[] seed = Files.readAllBytes(DIR.resolve("seed/cd/cd000000.vec"));
        VectorCache cache = new VectorCache(DIR.resolve("vectors"));
        Fuzz.campaign("cache-vectors", 3000, 52, Fuzz.inputsLike(List.of(seed)), input -> {
            String key = "cd" + Integer.toHexString(Arrays.hashCode(input));
            Path entry = DIR.resolve("vectors").resolve(key.substring(0, 2)).resolve(key + ".vec");
            Files.createDirectories(entry.getParent());
            Files.write(entry, input);
            Optional<ContextVectors> read = cache.get(key);
            Files.delete(entry);
            read.ifPresent(v -> assertArrayEquals(values(VECTORS), values(v), "a damaged entry never reads as other vectors"));
            return read.isPresent() ? "intact" : "missing";
        });
    }
}
