package org.casie.examples;

import org.casie.text.TokenTable;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BracketBalancerTest {

    /** One sentence of single-space-separated words (offsets do not matter to the balancer). */
    private static TokenTable sentence(String text) {
        String[] words = text.split(" ");
        int n = words.length;
        int[] begin = new int[n], end = new int[n], head = new int[n];
        String[] empty = new String[n], ner = new String[n];
        Arrays.fill(empty, "");
        Arrays.fill(ner, "O");
        return new TokenTable(new int[n], begin, end, words, words, empty, ner, head, empty);
    }

    private static final TokenTable DDOS = sentence("distributed denial-of-service ( DDoS ) attacks hit ( again");

    @Test
    void unclosedBracketIsExtendedToItsMatch() {
        assertEquals(new TokenSpan(0, 5), BracketBalancer.balance(DDOS, new TokenSpan(0, 4)));
    }

    @Test
    void unopenedBracketIsExtendedBackToItsMatch() {
        assertEquals(new TokenSpan(2, 5), BracketBalancer.balance(DDOS, new TokenSpan(3, 5)));
    }

    @Test
    void bracketWithNoMatchInReachIsCutOff() {
        assertEquals(new TokenSpan(5, 7), BracketBalancer.balance(DDOS, new TokenSpan(5, 9)));
    }

    @Test
    void balancedSpanIsLeftAlone() {
        assertEquals(new TokenSpan(1, 5), BracketBalancer.balance(DDOS, new TokenSpan(1, 5)));
        assertEquals(new TokenSpan(0, 2), BracketBalancer.balance(DDOS, new TokenSpan(0, 2)));
    }

    @Test
    void spanThatWouldVanishIsKept() {
        assertEquals(new TokenSpan(7, 8), BracketBalancer.balance(DDOS, new TokenSpan(7, 8)));
    }
}
