package org.casie.examples;

import org.casie.text.AnnotatorConfig;
import org.casie.text.Preprocessor;
import org.casie.text.TokenTable;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FunctionWordSpansTest {

    private static final TokenTable TOKENS = new Preprocessor(new AnnotatorConfig(false, false), null)
            .process("An onion site with the data dump , of www.GameStop.com , remains available .");

    @Test
    void determinersPrepositionsAndPunctuationAloneAreFunctionSpans() {
        assertEquals("An", TOKENS.word(0));
        assertTrue(FunctionWordSpans.onlyFunctionWords(TOKENS, new TokenSpan(0, 1)));   // An
        assertTrue(FunctionWordSpans.onlyFunctionWords(TOKENS, new TokenSpan(3, 5)));   // with the
        assertTrue(FunctionWordSpans.onlyFunctionWords(TOKENS, new TokenSpan(7, 9)));   // , of
    }

    @Test
    void anyContentWordOrWebAddressKeepsTheSpan() {
        assertFalse(FunctionWordSpans.onlyFunctionWords(TOKENS, new TokenSpan(0, 3)));  // An onion site
        assertFalse(FunctionWordSpans.onlyFunctionWords(TOKENS, new TokenSpan(4, 7)));  // the data dump
        assertEquals("www.GameStop.com", TOKENS.word(9));
        assertFalse(FunctionWordSpans.onlyFunctionWords(TOKENS, new TokenSpan(8, 10))); // of www.GameStop.com
    }
}
