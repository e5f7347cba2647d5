package org.casie.corpus;

import org.casie.tag.io.ArticleReadException;
import org.casie.tag.io.ArticleReader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bounded mutation fuzz campaign over the readers: byte flips, insertions, deletions, truncations and
 * splices of valid fixtures. Any input must give a document or clear one-line errors; nothing else may
 * escape. Deterministic (fixed seed); {@code -Dfuzz.iterations=N} runs a longer campaign by hand.
 */
class ReaderFuzzTest {

    private static final int ITERATIONS = Integer.getInteger("fuzz.iterations", 3000);
    private static final String[] TOKENS = {"{", "}", "[", "]", "\"", ":", ",", "null", "-1", "99999999999",
            "\"content\"", "\"startOffset\"", "\"events\"", "\"hopper\"", "\\u0000", "true", "1e309", "<text>", "</text>",
            "<html>", "---\n"};

    static byte[] mutate(byte[] seed, Random random) {
        byte[] data = seed.clone();
        int edits = 1 + random.nextInt(8);
        for (int e = 0; e < edits; e++) {
            int at = data.length == 0 ? 0 : random.nextInt(data.length);
            switch (random.nextInt(5)) {
                case 0 -> {
                    if (data.length > 0) data[at] = (byte) random.nextInt(256);
                }
                case 1 -> data = splice(data, at, TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8), 0);
                case 2 -> data = splice(data, at, new byte[0], Math.min(data.length - at, 1 + random.nextInt(20)));
                case 3 -> data = java.util.Arrays.copyOf(data, at);
                default -> {
                    if (data.length > 0) {
                        int from = random.nextInt(data.length);
                        byte[] piece = java.util.Arrays.copyOfRange(data, from, Math.min(data.length, from + 1 + random.nextInt(40)));
                        data = splice(data, at, piece, 0);
                    }
                }
            }
        }
        return data;
    }

    private static byte[] splice(byte[] data, int at, byte[] insert, int remove) {
        byte[] out = new byte[data.length - remove + insert.length];
        System.arraycopy(data, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(data, at + remove, out, at + insert.length, data.length - at - remove);
        return out;
    }

    @Test
    void annotationReaderNeverThrowsAndReportsOneLineProblems() throws Exception {
        byte[] seed = Files.readAllBytes(Path.of("src/test/resources/corpus/shifted.json"));
        AnnotationReader reader = new AnnotationReader();
        Random random = new Random(11);
        int documents = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            String json = new String(mutate(seed, random), StandardCharsets.UTF_8);
            ReadResult r = reader.read(json, "fuzz.json");
            assertNotNull(r);
            if (r.document().isPresent()) {
                documents++;
                Document d = r.document().get();
                d.events().forEach(e -> {
                    assertTrue(e.trigger().end() <= d.content().length());
                    e.arguments().forEach(a -> assertTrue(a.span().end() <= d.content().length()));
                });
            } else {
                assertFalse(r.errors().isEmpty(), "a rejected file says why");
            }
            r.errors().forEach(p -> assertFalse(p.toString().contains("\n"), p.toString()));
        }
        assertTrue(documents > 0, "some mutants stay readable");
    }

    @Test
    void articleReaderGivesAnArticleOrAnArticleReadException() throws Exception {
        Random random = new Random(12);
        ArticleReader reader = new ArticleReader();
        String[] seeds = {"tagio/source.txt", "tagio/markdown.txt", "tagio/page.html", "tagio/plain-crlf.txt",
            "corpus/shifted.json"};
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] seed = Files.readAllBytes(Path.of("src/test/resources", seeds[i % seeds.length]));
            try {
                assertNotNull(reader.read(mutate(seed, random), "fuzz" + i + ".txt").document());
            } catch (ArticleReadException e) {
                assertTrue(e.getMessage().startsWith("fuzz" + i), e.getMessage());
            }
        }
    }
}
