package org.casie.examples;

import org.casie.corpus.CharSpan;
import org.casie.text.TokenTable;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class SpanAlignerTest {

    /** "Hackers breached Acme." tokens: Hackers[0,7) breached[8,16) Acme[17,21) .[21,22) */
    public static TokenTable table() {
        String[] words = {"Hackers", "breached", "Acme", "."};
        String[] empty = {"", "", "", ""};
        return new TokenTable(new int[4], new int[] {0, 8, 17, 21}, new int[] {7, 16, 21, 22}, words, words, empty,
                new String[] {"O", "O", "O", "O"}, new int[] {1, -1, 1, 1}, empty);
    }

    @Test
    void exactSpanIsNotWidened() {
        var a = SpanAligner.toTokens(table(), new CharSpan(8, 21)).orElseThrow();
        assertEquals(new TokenSpan(1, 3), a.tokens());
        assertFalse(a.widened());
    }

    @Test
    void spanEndingInsideATokenIsWidenedAndCounted() {
        var a = SpanAligner.toTokens(table(), new CharSpan(8, 13)).orElseThrow();
        assertEquals(new TokenSpan(1, 2), a.tokens());
        assertTrue(a.widened());
    }

    @Test
    void whitespaceOnlySpanCoversNoToken() {
        assertTrue(SpanAligner.toTokens(table(), new CharSpan(7, 8)).isEmpty());
    }

    @Test
    void tokensMapBackToCharacters() {
        assertEquals(new CharSpan(8, 21), SpanAligner.toChars(table(), new TokenSpan(1, 3)));
    }
}
