package org.casie.text.bert;

import org.casie.text.AnnotatorConfig;
import org.casie.text.Preprocessor;
import org.casie.text.TokenTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real BERT encoder on short text, with the weights from the class path (a dependency in the pom). */
@EnabledIf("weightsPresent")
class ContextualEncoderTest {

    private static final AnnotatorConfig CHEAP = new AnnotatorConfig(false, false);
    @TempDir
    static Path cache;
    private static ContextualEncoder encoder;
    private static final Preprocessor PREPROCESSOR = new Preprocessor(CHEAP, null);

    static boolean weightsPresent() {
        return EncoderFiles.onClassPath(EncoderSpec.defaults());
    }

    @BeforeAll
    static void load() {
        encoder = new ContextualEncoder(new EncoderSpec(EncoderSpec.UNCASED, 2, "first", true), CHEAP.cacheKey(), cache, 2);
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    @Test
    void withoutACacheRootNoVectorIsCached() {
        // --no-cache: the vectors are computed, and neither read from nor written to any vector cache.
        String text = "Hackers leaked the records.";
        TokenTable tokens = PREPROCESSOR.process(text);
        try (ContextualEncoder uncached = new ContextualEncoder(encoder.spec(), CHEAP.cacheKey(), null, 2)) {
            ContextVectors v = uncached.encode(text, tokens);
            assertEquals(tokens.size(), v.tokens());
            assertFalse(uncached.isCached(text));
            ContextVectors again = uncached.encode(text, tokens);
            assertEquals(v.get(1, 0), again.get(1, 0), 1e-6);
        }
    }

    @Test
    void oneVectorPerTokenEvenForManyWordpieces() {
        String text = "Citrix patched CVE-2023-4966 last week.";
        TokenTable tokens = PREPROCESSOR.process(text);
        ContextVectors v = encoder.encode(text, tokens);
        assertEquals(tokens.size(), v.tokens());
        assertEquals(768, v.dimension());
        assertTrue(Math.abs(v.get(2, 0)) + Math.abs(v.get(2, 1)) > 0, "the CVE token has a vector");
    }

    @Test
    void sentenceLongerThanOneWindowGetsAVectorForEveryToken() {
        String text = String.join(" ", java.util.Collections.nCopies(150, "ransomware-encrypted")) + ".";
        TokenTable tokens = PREPROCESSOR.process(text);
        ContextVectors v = encoder.encode(text, tokens);
        assertEquals(tokens.size(), v.tokens());
        for (int t = 0; t < v.tokens(); t++) {
            float norm = 0;
            for (int k = 0; k < 768; k++) {
                norm += Math.abs(v.get(t, k));
            }
            assertTrue(norm > 0, "token " + t);
        }
    }

    @Test
    void cachedVectorsEqualFreshOnes() {
        String text = "Hackers breached Acme.";
        TokenTable tokens = PREPROCESSOR.process(text);
        ContextVectors first = encoder.encode(text, tokens);
        assertTrue(encoder.isCached(text));
        ContextVectors again = encoder.encodeAll(List.of(text), List.of(tokens), n -> { }).get(0);
        assertEquals(first.get(1, 7), again.get(1, 7));
    }

    @Test
    void onePassFillsEveryVariantAndAMixIsTheMeanOfItsLayers(@TempDir Path variantCache) {
        String text = "Attackers encrypted the hospital's files.";
        TokenTable tokens = PREPROCESSOR.process(text);
        EncoderSpec one = new EncoderSpec(EncoderSpec.UNCASED, 1, "first", true);
        EncoderSpec two = one.variant("2/first");
        EncoderSpec mix = one.variant("1+2/first");
        EncoderSpec mean = one.variant("2/mean");
        try (ContextualEncoder all = new ContextualEncoder(List.of(mix, one, two, mean), CHEAP.cacheKey(), variantCache, 2)) {
            ContextVectors mixed = all.encode(text, tokens);
            assertTrue(all.isCached(text), "every variant is cached after one pass");
            try (ContextualEncoder single = new ContextualEncoder(one, CHEAP.cacheKey(), variantCache, 2);
                 ContextualEncoder second = new ContextualEncoder(two, CHEAP.cacheKey(), variantCache, 2);
                 ContextualEncoder meanOnly = new ContextualEncoder(mean, CHEAP.cacheKey(), variantCache, 2)) {
                assertTrue(single.isCached(text) && second.isCached(text) && meanOnly.isCached(text));
                ContextVectors a = single.encode(text, tokens), b = second.encode(text, tokens);
                for (int k = 0; k < 768; k += 97) {
                    float expected = (a.get(0, k) + b.get(0, k)) / 2;
                    assertEquals(expected, mixed.get(0, k), 0.02 + Math.abs(expected) * 0.02, "dimension " + k);
                }
                // "Attackers" is one wordpiece; "hospital's" tokenises into several tokens of one piece each.
                assertEquals(b.get(0, 5), meanOnly.encode(text, tokens).get(0, 5), 1e-6);
            }
        }
    }

    @Test
    void tunedLayersReplaceTheFrozenOnesAndAreCachedApart(@TempDir Path tunedCache) throws Exception {
        // Layer 2 computed by "tuned" layer 2 over the SavedModel's layer 1: with the pretrained weights (bfloat16)
        // the vectors match the frozen ones closely; with changed weights they follow the change.
        String text = "Attackers encrypted the hospital's files.";
        TokenTable tokens = PREPROCESSOR.process(text);
        EncoderSpec frozen = new EncoderSpec(EncoderSpec.UNCASED, 2, "first", true);
        LayerWeights pretrained;
        try (FrozenBase base = new FrozenBase(frozen, 2, org.casie.text.AnnotationCache.defaultRoot(), 2)) {
            pretrained = base.pretrained().rounded();
        }
        List<float[]> changed = new java.util.ArrayList<>(pretrained.values());
        float[] gamma = changed.get(14).clone(); // output LayerNorm gain: doubles every output's spread
        for (int i = 0; i < gamma.length; i++) {
            gamma[i] *= 2;
        }
        changed.set(14, gamma);
        LayerWeights doubled = new LayerWeights(2, 1, changed);
        TunedLayerStore.register(pretrained);
        TunedLayerStore.register(doubled);
        try (ContextualEncoder plain = new ContextualEncoder(frozen, CHEAP.cacheKey(), tunedCache, 2);
             ContextualEncoder same = new ContextualEncoder(frozen.withTuned(pretrained), CHEAP.cacheKey(), tunedCache, 2);
             ContextualEncoder moved = new ContextualEncoder(frozen.withTuned(doubled), CHEAP.cacheKey(), tunedCache, 2)) {
            ContextVectors p = plain.encode(text, tokens), s = same.encode(text, tokens);
            assertFalse(moved.isCached(text), "vectors of other weights are cached apart");
            ContextVectors m = moved.encode(text, tokens);
            double closeness = 0, spread = 0;
            for (int t = 0; t < tokens.size(); t++) {
                for (int k = 0; k < 768; k++) {
                    closeness = Math.max(closeness, Math.abs(p.get(t, k) - s.get(t, k)));
                    spread += Math.abs(m.get(t, k) - p.get(t, k));
                }
            }
            assertTrue(closeness < 0.2, "pretrained weights as tuned ones: largest difference " + closeness);
            assertTrue(spread > 100, "doubled gains move the vectors: " + spread);
        }
    }

    @Test
    void documentContextLetsATokenSeeTheNeighbouringSentence(@TempDir Path contextCache) {
        String text = "The hospital paid the ransom. It was encrypted.";
        TokenTable tokens = PREPROCESSOR.process(text);
        assertEquals(2, tokens.sentenceCount());
        EncoderSpec sentence = new EncoderSpec(EncoderSpec.UNCASED, 2, "first", true);
        try (ContextualEncoder bySentence = new ContextualEncoder(sentence, CHEAP.cacheKey(), contextCache, 2);
             ContextualEncoder byDocument = new ContextualEncoder(sentence.withContext(EncoderSpec.DOCUMENT),
                     CHEAP.cacheKey(), contextCache, 2)) {
            ContextVectors s = bySentence.encode(text, tokens), d = byDocument.encode(text, tokens);
            assertEquals(tokens.size(), d.tokens());
            int it = tokens.sentenceBegin(1);
            double difference = 0;
            for (int k = 0; k < 768; k++) {
                difference += Math.abs(s.get(it, k) - d.get(it, k));
            }
            assertTrue(difference > 1, "'It' reads differently once the first sentence is in its window: " + difference);
            assertTrue(bySentence.isCached(text) && byDocument.isCached(text), "the two contexts are cached apart");
        }
    }

    @Test
    void primedVectorsCoverTheWindowAndKnowTheTrigger() {
        String text = "Hackers stole the records of Acme customers. The firm patched the flaw.";
        TokenTable tokens = PREPROCESSOR.process(text);
        ContextVectors plain = encoder.encode(text, tokens);
        int end = tokens.sentenceEnd(0);
        var steal = new ContextualEncoder.PrimedWindow(0, end, 1, 2, List.of("data", "breach", ":"), "[", "]");
        var records = new ContextualEncoder.PrimedWindow(0, end, 3, 4, List.of(), "[", "]");
        List<ContextVectors> primed = encoder.encodePrimed(text, tokens, plain, List.of(steal, records));
        assertEquals(end, primed.get(0).tokens());
        assertEquals(end, primed.get(1).tokens());
        // The same token read for two triggers gets two vectors, and neither is the unprimed one.
        assertTrue(distance(primed.get(0), primed.get(1), 5) > 0);
        assertTrue(distance(primed.get(0), plain, 5) > 0);
        List<ContextVectors> again = encoder.encodePrimed(text, tokens, plain, List.of(records));
        assertEquals(0, distance(primed.get(1), again.get(0), 5), 1e-9, "cached, and read back the same");
    }

    private static double distance(ContextVectors a, ContextVectors b, int token) {
        double d = 0;
        for (int k = 0; k < a.dimension(); k++) {
            d += Math.abs(a.get(token, k) - b.get(token, k));
        }
        return d;
    }
}
