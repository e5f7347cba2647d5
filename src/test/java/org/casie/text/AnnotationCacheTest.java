package org.casie.text;

import org.casie.examples.SpanAlignerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnnotationCacheTest {

    @Test
    void roundTripsATokenTable(@TempDir Path dir) {
        AnnotationCache cache = new AnnotationCache(dir);
        TokenTable table = SpanAlignerTest.table();
        cache.put("abcdef12", table);
        assertEquals(table, cache.get("abcdef12").orElseThrow());
    }

    @Test
    void corruptEntryIsTreatedAsMissing(@TempDir Path dir) throws Exception {
        AnnotationCache cache = new AnnotationCache(dir);
        cache.put("abcdef12", SpanAlignerTest.table());
        Path entry = cache.entry("abcdef12");
        byte[] bytes = Files.readAllBytes(entry);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(entry, bytes);
        assertTrue(cache.get("abcdef12").isEmpty());
    }

    @Test
    void truncatedEntryIsTreatedAsMissing(@TempDir Path dir) throws Exception {
        AnnotationCache cache = new AnnotationCache(dir);
        cache.put("abcdef12", SpanAlignerTest.table());
        Path entry = cache.entry("abcdef12");
        byte[] bytes = Files.readAllBytes(entry);
        Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length - 9));
        assertTrue(cache.get("abcdef12").isEmpty());
    }

    @Test
    void keyDependsOnTheSentenceCutLengthYetKeepsTheKeysAlreadyCached() {
        AnnotatorConfig cheap = new AnnotatorConfig(false, false);
        assertNotEquals(cheap.cacheKey(200), cheap.cacheKey(100), "a changed cut length must not reuse old entries");
        assertEquals(cheap.cacheKey(), cheap.cacheKey(CoreNlpAnnotator.MAX_SENTENCE_TOKENS));
        assertEquals("tokenize,ssplit,pos,lemma|fine=false|sutime=false|mentions=false|corenlp="
                + CoreNlpAnnotator.coreNlpVersion() + "|table=1", cheap.cacheKey(200), "the key every cached entry has");
    }

    @Test
    void keyDependsOnAnnotatorsAndText() {
        assertNotEquals(AnnotationCache.key(AnnotatorConfig.FULL.cacheKey(), "a"),
                AnnotationCache.key(new AnnotatorConfig(false, false).cacheKey(), "a"));
        assertNotEquals(AnnotationCache.key("k", "a"), AnnotationCache.key("k", "b"));
    }

    @Test
    void preprocessorRebuildsACorruptEntryAndOffsetsGiveBackTheText(@TempDir Path dir) throws Exception {
        AnnotatorConfig cheap = new AnnotatorConfig(false, false);
        Preprocessor preprocessor = new Preprocessor(cheap, dir);
        String text = "Hackers breached Acme Corp.\nThey stole 2,000 records (names, e-mails).";
        TokenTable first = preprocessor.process(text);
        for (int i = 0; i < first.size(); i++) {
            assertEquals(first.word(i), text.substring(first.begin(i), first.end(i)));
        }
        assertEquals(2, first.sentenceCount());
        Path entry = new AnnotationCache(dir.resolve("corenlp")).entry(AnnotationCache.key(cheap.cacheKey(text), text));
        Files.write(entry, new byte[] {1, 2, 3});
        assertEquals(first, preprocessor.process(text));
        assertEquals(first, new AnnotationCache(dir.resolve("corenlp")).get(AnnotationCache.key(cheap.cacheKey(text), text))
                .orElseThrow(), "the rebuilt entry was written back");
    }
}
