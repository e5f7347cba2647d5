package org.casie.eval;

import org.casie.corpus.Realis;
import org.casie.corpus.Subtype;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.casie.eval.EventScorerTest.doc;
import static org.casie.eval.EventScorerTest.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TriggerErrorsTest {

    // Text: "Hackers breached Acme and stole data. Later a ransom was demanded from Acme."
    @Test
    void eachTriggerFallsIntoExactlyOneOutcome() {
        var gold = doc("d", event(8, 16, Subtype.Databreach, Realis.Actual),   // breached: found exactly
                event(26, 31, Subtype.Databreach, Realis.Actual),              // stole: found as "stole data"
                event(46, 52, Subtype.Ransom, Realis.Actual),                  // ransom: found as Phishing only
                event(57, 65, Subtype.Ransom, Realis.Actual));                 // demanded: missed
        var pred = doc("d", event(8, 16, Subtype.Databreach, Realis.Actual),
                event(26, 36, Subtype.Databreach, Realis.Actual),
                event(46, 52, Subtype.Phishing, Realis.Actual),
                event(0, 7, Subtype.Databreach, Realis.Actual),                // Hackers: spurious
                event(8, 16, Subtype.Databreach, Realis.Generic));             // duplicate tuple: counted once
        TriggerErrors e = TriggerErrors.count(List.of(gold), List.of(pred));
        assertEquals(Map.of("exact", 1, "boundary", 1, "subtype", 1, "missed", 1), e.gold());
        assertEquals(Map.of("exact", 1, "boundary", 1, "subtype", 1, "spurious", 1), e.predicted());
        assertTrue(e.text().contains("missed 1 (25%)"), e.text());
    }

    @Test
    void emptyDocumentsGiveZeroShares() {
        TriggerErrors e = TriggerErrors.count(List.of(doc("d")), List.of(doc("d")));
        assertEquals(0, e.gold().values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(e.text().contains("exact 0 (0%)"), e.text());
    }
}
