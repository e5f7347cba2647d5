package org.casie.text.bert;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class WordPieceTest {

    private final WordPiece wp = new WordPiece(Map.of("[UNK]", 100, "cve", 1, "-", 2, "2023", 3, "49", 4, "##66", 5,
            "cafe", 6, "ransom", 7, "##ware", 8), true);

    @Test
    void splitsPunctuationAndContinuations() {
        assertArrayEquals(new int[] {1, 2, 3, 2, 4, 5}, wp.pieces("CVE-2023-4966"));
    }

    @Test
    void lowerCasesAndStripsAccents() {
        assertArrayEquals(new int[] {6}, wp.pieces("Caf\u00e9"));
    }

    @Test
    void greedyLongestMatch() {
        assertArrayEquals(new int[] {7, 8}, wp.pieces("Ransomware"));
    }

    @Test
    void unmatchedWordIsOneUnknown() {
        assertArrayEquals(new int[] {100}, wp.pieces("xyz"));
    }
}
