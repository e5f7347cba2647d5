package org.casie.text.bert;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EncoderSpecTest {

    private static final EncoderSpec BASE = EncoderSpec.defaults();

    @Test
    void singleLayerVariantKeepsTheVersionOneCacheKey() {
        EncoderSpec eight = BASE.variant("8/first");
        assertEquals(BASE, eight);
        assertEquals(EncoderSpec.UNCASED + "|layer=8|pool=first|v2", eight.cacheKey());
    }

    @Test
    void mixVariantListsItsLayersAndComputesUpToTheDeepest() {
        EncoderSpec mix = BASE.variant("12+9+10+11/mean");
        assertEquals(List.of(9, 10, 11, 12), mix.layers());
        assertEquals(12, mix.deepestLayer());
        assertEquals("9+10+11+12/mean", mix.label());
        assertNotEquals(BASE.variant("12/mean").cacheKey(), mix.cacheKey());
    }

    @Test
    void badVariantsAreRefusedWithTheirText() {
        assertEquals("encoder variant must look like LAYER/POOLING or L1+L2/POOLING, not '8'",
                assertThrows(IllegalArgumentException.class, () -> BASE.variant("8")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> BASE.variant("13/first"));
        assertThrows(IllegalArgumentException.class, () -> BASE.variant("8/max"));
        assertThrows(IllegalArgumentException.class, () -> BASE.variant("x/first"));
    }

    @Test
    void casingAndContextEnterTheCacheKeyAndSentenceWindowsAreTheDefault() {
        EncoderSpec older = new EncoderSpec(EncoderSpec.UNCASED, 8, "first", true, null, null);
        assertEquals(EncoderSpec.SENTENCE, older.context(), "bundles written before the field read as sentence windows");
        assertEquals(BASE, older);
        EncoderSpec document = BASE.withContext(EncoderSpec.DOCUMENT);
        EncoderSpec cased = BASE.withCasing(true);
        assertEquals(EncoderSpec.UNCASED + "|layer=8|pool=first|context=document|v2", document.cacheKey());
        assertEquals(EncoderSpec.CASED + "|layer=8|pool=first|v2", cased.cacheKey());
        assertEquals("cased 8/first document", cased.withContext(EncoderSpec.DOCUMENT).label());
        assertEquals(document, document.variant("8/first"), "a variant keeps its base's context");
    }

    @Test
    void casingMustMatchTheWeightsAndContextMustBeKnown() {
        assertThrows(IllegalArgumentException.class, () -> new EncoderSpec(EncoderSpec.CASED, 8, "first", true));
        assertThrows(IllegalArgumentException.class, () -> new EncoderSpec(EncoderSpec.UNCASED, 8, "first", false));
        assertThrows(IllegalArgumentException.class, () -> BASE.withContext("paragraph"));
    }
}
