package org.casie.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextWindowsTest {

    private static void assertCovers(String text, List<TextWindows.Window> windows, int max) {
        int at = 0;
        for (TextWindows.Window w : windows) {
            assertEquals(at, w.begin(), "windows are consecutive");
            assertTrue(w.end() > w.begin() && w.end() - w.begin() <= max, w.toString());
            at = w.end();
        }
        assertEquals(text.length(), at, "windows cover the text");
    }

    @Test
    void aTextThatFitsIsOneWindow() {
        String text = "Hackers breached Acme.\n\nAcme paid.";
        assertEquals(List.of(new TextWindows.Window(0, text.length())), TextWindows.of(text));
        assertEquals(1, TextWindows.of("").size());
    }

    @Test
    void windowsEndAtParagraphsThenLinesThenBlanks() {
        String para = "a".repeat(30) + "\n" + "b".repeat(30) + "\n\n";
        String text = para.repeat(5);
        List<TextWindows.Window> windows = TextWindows.of(text, 100);
        assertCovers(text, windows, 100);
        for (TextWindows.Window w : windows.subList(0, windows.size() - 1)) {
            assertTrue(text.startsWith("\n\n", w.end() - 2), "ends at a paragraph break: " + w);
        }
        String lines = ("c".repeat(70) + "\n").repeat(5);
        List<TextWindows.Window> byLine = TextWindows.of(lines, 100);
        assertCovers(lines, byLine, 100);
        assertEquals('\n', lines.charAt(byLine.get(0).end() - 1));
        String words = "word ".repeat(100);
        List<TextWindows.Window> byBlank = TextWindows.of(words, 100);
        assertCovers(words, byBlank, 100);
        assertEquals(' ', words.charAt(byBlank.get(0).end() - 1));
    }

    @Test
    void aRunLongerThanAWindowIsCutAtTheLimitButNotInsideASurrogatePair() {
        String text = "x".repeat(99) + "\uD83D\uDE00" + "y".repeat(300);
        List<TextWindows.Window> windows = TextWindows.of(text, 100);
        assertCovers(text, windows, 100);
        assertEquals(99, windows.get(0).end(), "the emoji goes whole into the next window");
        for (TextWindows.Window w : windows) {
            assertFalse(Character.isLowSurrogate(text.charAt(w.begin())), w.toString());
        }
    }

    @Test
    void cuttingTenMegabytesWithoutABreakIsLinear() {
        String text = "z".repeat(10_000_000);
        long start = System.nanoTime();
        List<TextWindows.Window> windows = TextWindows.of(text);
        assertCovers(text, windows, TextWindows.MAX_WINDOW_CHARS);
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "well under 5 s");
    }

    @Test
    void joinedTablesShiftOffsetsSentencesAndHeads() {
        TokenTable a = new TokenTable(new int[] {0, 0, 1}, new int[] {0, 4, 8}, new int[] {3, 7, 9},
                new String[] {"abc", "def", "g"}, new String[] {"abc", "def", "g"}, new String[] {"NN", "VB", "."},
                new String[] {"O", "O", "O"}, new int[] {1, -1, -1}, new String[] {"nsubj", "root", "root"});
        TokenTable b = new TokenTable(new int[] {0, 0}, new int[] {1, 3}, new int[] {2, 5},
                new String[] {"h", "ij"}, new String[] {"h", "ij"}, new String[] {"NN", "NN"},
                new String[] {"O", "O"}, new int[] {-1, 0}, new String[] {"root", "dep"});
        TokenTable joined = TokenTable.join(List.of(a, b), new int[] {0, 10});
        assertEquals(5, joined.size());
        assertEquals(3, joined.sentenceCount());
        assertEquals(2, joined.sentence(3));
        assertEquals(11, joined.begin(3));
        assertEquals(15, joined.end(4));
        assertEquals(3, joined.head(4), "heads point into the joined table");
        assertEquals(-1, joined.head(3));
        assertEquals(1, joined.head(0));
        assertEquals(3, joined.sentenceBegin(2));
        assertEquals(a, TokenTable.join(List.of(a), new int[] {0}));
    }
}
