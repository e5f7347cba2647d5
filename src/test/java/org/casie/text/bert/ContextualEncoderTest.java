package org.casie.text.bert;

import org.casie.text.AnnotatorConfig;
import org.casie.text.Preprocessor;
import org.casie.text.TokenTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real BERT encoder on short text. Runs where the 408 MB weights jar is already in the local Maven
 * repository (it is fetched on the accurate profile's first use), so a fresh CI does not download it.
 */
@EnabledIf("weightsPresent")
class ContextualEncoderTest {

    private static final AnnotatorConfig CHEAP = new AnnotatorConfig(false, false);
    @TempDir
    static Path cache;
    private static ContextualEncoder encoder;
    private static final Preprocessor PREPROCESSOR = new Preprocessor(CHEAP, null);

    static boolean weightsPresent() {
        return Files.exists(EncoderFiles.mavenJar(EncoderSpec.defaults()));
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
}
