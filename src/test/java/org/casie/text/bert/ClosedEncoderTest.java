package org.casie.text.bert;

import org.casie.text.AnnotatorConfig;
import org.casie.text.Preprocessor;
import org.casie.text.TokenTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A closed encoder refuses work instead of loading TensorFlow again (needs no weights: it never loads). */
class ClosedEncoderTest {

    @TempDir
    Path cache;

    @Test
    void aClosedEncoderRefusesWork() {
        AnnotatorConfig cheap = new AnnotatorConfig(false, false);
        ContextualEncoder encoder = new ContextualEncoder(EncoderSpec.defaults(), cheap.cacheKey(), cache, 1);
        encoder.close();
        String text = "Acme was breached.";
        TokenTable tokens = new Preprocessor(cheap, null).process(text);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> encoder.encode(text, tokens));
        assertEquals("closed", e.getMessage());
    }
}
