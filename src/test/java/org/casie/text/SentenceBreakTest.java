package org.casie.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Line breaks end sentences (headings and table rows of unseen articles); corpus keys stay as they were. */
class SentenceBreakTest {

    private static final AnnotatorConfig CHEAP = new AnnotatorConfig(false, false);

    @Test
    void everyLineIsASentenceAndNoTokenIsALineBreak() {
        String text = "Date:\nApr 2017\nLocation:\nUnited States of America\nHackers stole data. They sold it.";
        TokenTable t = new Preprocessor(CHEAP, null).process(text);
        assertEquals(6, t.sentenceCount());
        for (int i = 0; i < t.size(); i++) {
            assertEquals(t.word(i), text.substring(t.begin(i), t.end(i)));
            assertEquals(-1, t.word(i).indexOf('\n'));
        }
        assertEquals("United", t.word(t.sentenceBegin(3)));
        assertEquals("America", t.word(t.sentenceEnd(3) - 1));
    }

    @Test
    void textWithoutLineBreaksKeepsTheCorpusCacheKey() {
        assertEquals(CHEAP.cacheKey(), CHEAP.cacheKey("Hackers stole data. They sold it."));
        assertNotEquals(CHEAP.cacheKey(), CHEAP.cacheKey("Hackers stole data.\nThey sold it."));
    }
}
