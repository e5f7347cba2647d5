package org.casie.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LongRunMaskTest {

    @Test
    void textWithoutALongRunIsGivenUnchanged() {
        String text = "Hackers breached Acme. " + "x".repeat(LongRunMask.MAX_RUN_CHARS);
        LongRunMask mask = LongRunMask.of(text);
        assertSame(text, mask.masked());
        assertFalse(mask.changed());
        assertEquals(7, mask.begin(7));
        assertEquals(7, mask.end(7));
    }

    @Test
    void longRunsBecomeOnePlaceholderAndOffsetsMapBack() {
        String blob = "A".repeat(1000);
        String punct = "!?".repeat(300);
        String text = "Data " + blob + " then\n" + punct + " end.";
        LongRunMask mask = LongRunMask.of(text);
        String p = LongRunMask.PLACEHOLDER;
        assertEquals("Data " + p + " then\n" + p + " end.", mask.masked());
        int first = 5, second = first + p.length() + 6;
        // The placeholders map to the whole runs.
        assertEquals(5, mask.begin(first));
        assertEquals(1005, mask.end(first + p.length()));
        assertEquals(1011, mask.begin(second));
        assertEquals(1611, mask.end(second + p.length()));
        // Tokens between and after the runs keep their text.
        int then = first + p.length() + 1;
        assertEquals("then", text.substring(mask.begin(then), mask.end(then + 4)));
        int end = second + p.length() + 1;
        assertEquals("end.", text.substring(mask.begin(end), mask.end(end + 4)));
        assertEquals("Data", text.substring(mask.begin(0), mask.end(4)));
    }

    @Test
    void otherSpacesCountAsPartOfARun() {
        String text = "a\u00a0".repeat(200) + " b";
        LongRunMask mask = LongRunMask.of(text);
        assertTrue(mask.changed(), "no-break spaces do not split a run: the mask errs on the safe side");
        assertEquals(LongRunMask.PLACEHOLDER + " b", mask.masked());
    }
}
