package org.casie.text.bert;

import org.casie.text.AnnotatorConfig;
import org.casie.text.Preprocessor;
import org.casie.text.TokenTable;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The wordpieces of a primed argument query (issue 19): markers around the trigger, token offsets unshifted. */
class PrimedInputTest {

    private static final Preprocessor PREPROCESSOR = new Preprocessor(new AnnotatorConfig(false, false), null);
    private static final String TEXT = "Hackers stole the records of Acme customers .";
    private static final WordPiece WORDS;

    static {
        Map<String, Integer> vocab = new HashMap<>(Map.of("[UNK]", 100, "[CLS]", WordPiece.CLS, "[SEP]", WordPiece.SEP));
        String[] words = {"hackers", "stole", "the", "records", "of", "acme", "customers", ".", "[", "]", "data",
                "breach", ":"};
        for (int i = 0; i < words.length; i++) {
            vocab.put(words[i], 1000 + i);
        }
        vocab.put("ac", 2000);
        vocab.put("##me", 2001);
        WORDS = new WordPiece(vocab, true);
    }

    private static int id(String piece) {
        return WORDS.pieces(piece)[0];
    }

    @Test
    void markersWrapTheTriggerAndEveryTokenKeepsItsOwnPieces() {
        TokenTable t = PREPROCESSOR.process(TEXT);
        var win = new ContextualEncoder.PrimedWindow(0, t.size(), 1, 2, List.of("data", "breach", ":"), "[", "]");
        ContextualEncoder.PrimedInput in = ContextualEncoder.primedInput(WORDS, 0, t, win);
        int[] expected = {WordPiece.CLS, id("data"), id("breach"), id(":"), id("hackers"), id("["), id("stole"), id("]"),
                id("the"), id("records"), id("of"), id("acme"), id("customers"), id("."), WordPiece.SEP};
        assertArrayEquals(expected, in.ids());
        assertEquals(0, in.firstToken());
        for (int k = 0; k < t.size(); k++) {
            // The first piece of every token is that token's own word: no marker or prefix shifts it.
            assertEquals(WORDS.pieces(t.word(k))[0], in.ids()[in.pieceBegin()[k]], "token " + k);
        }
    }

    @Test
    void aWindowTooLongIsReadAroundItsTrigger() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            text.append("records ");
        }
        text.append("stole .");
        TokenTable t = PREPROCESSOR.process(text.toString());
        int trigger = 400;
        var win = new ContextualEncoder.PrimedWindow(0, t.size(), trigger, trigger + 1, List.of(), "[", "]");
        ContextualEncoder.PrimedInput in = ContextualEncoder.primedInput(WORDS, 0, t, win);
        assertEquals(ContextualEncoder.PRIMED_PIECES + 2, in.ids().length, "the budget is filled: [CLS] + pieces + [SEP]");
        int held = in.pieceBegin().length;
        assertEquals(t.size(), in.firstToken() + held, "the tokens after the trigger fit, so the cut is on the left");
        assertEquals(id("stole"), in.ids()[in.pieceBegin()[trigger - in.firstToken()]]);
        assertEquals(id("["), in.ids()[in.pieceBegin()[trigger - in.firstToken()] - 1]);
    }

    @Test
    void aTriggerOutsideItsWindowIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new ContextualEncoder.PrimedWindow(2, 5, 1, 2, List.of(), "[", "]"));
    }
}
