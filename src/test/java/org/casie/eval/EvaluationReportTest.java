package org.casie.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.casie.corpus.Document;
import org.casie.corpus.Realis;
import org.casie.corpus.Role;
import org.casie.corpus.Subtype;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.casie.eval.EventScorerTest.arg;
import static org.casie.eval.EventScorerTest.doc;
import static org.casie.eval.EventScorerTest.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON and HTML forms of an evaluation, on a hand-made gold and prediction. */
class EvaluationReportTest {

    private static EvaluationReport report() {
        List<Document> gold = List.of(EventScorerTest.gold());
        // The breach trigger right with one of its two arguments; the ransom missed; a spurious phishing event.
        List<Document> predicted = List.of(doc("d",
                event(8, 16, Subtype.Databreach, Realis.Actual, arg(0, 7, Role.ATTACKER)),
                event(27, 32, Subtype.Phishing, Realis.Actual)));
        EventScorer.Scores scores = EventScorer.score(gold, predicted);
        return new EvaluationReport(scores, CoreferenceScorer.score(gold, predicted),
                EvaluationReport.intervals(scores, new Bootstrap(50, 13)), TriggerErrors.count(gold, predicted));
    }

    @Test
    void jsonHoldsCountsScoresIntervalsAndBreakdowns() throws Exception {
        JsonNode json = new ObjectMapper().readTree(report().json());
        assertEquals(1, json.path("documents").asInt());
        JsonNode trigC = json.path("metrics").path("Trig-C");
        assertEquals(2, trigC.path("gold").asInt());
        assertEquals(2, trigC.path("predicted").asInt());
        assertEquals(1, trigC.path("correct").asInt());
        assertEquals(0.5, trigC.path("f1").asDouble(), 1e-9);
        assertEquals(2, trigC.path("f1Ci95").size(), "a 95% interval: low and high");
        JsonNode argC = json.path("metrics").path("Arg-C");
        assertEquals(1, argC.path("correct").asInt());
        assertTrue(json.path("bySubtype").has("Databreach"), json.toString());
        assertEquals(1, json.path("bySubtype").path("Databreach").path("Trig-C").path("correct").asInt());
        assertTrue(json.path("argCByRole").has(Role.ATTACKER.label()), json.toString());
        assertTrue(json.path("hoppers").has("CoNLL-F1"));
        assertTrue(json.has("triggerErrors"));
        assertTrue(report().json().endsWith("}\n"));
    }

    @Test
    void htmlIsOneSelfContainedPageWithEscapedText() {
        String html = report().html("scores <of> \"A & B's\" run");
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.endsWith("</body></html>\n"), html);
        assertTrue(html.contains("<title>scores &lt;of&gt; &quot;A &amp; B&#39;s&quot; run</title>"), html);
        assertFalse(html.contains("<of>"), "no raw markup from the title");
        for (String caption : List.of("Overall", "Trig-C by subtype", "Arg-C by subtype", "Arg-C by role")) {
            assertTrue(html.contains("<h2>" + caption + "</h2>"), caption);
        }
        assertTrue(html.contains("<tr><td>Trig-C</td><td>2</td><td>2</td><td>1</td><td>50.0</td><td>50.0</td><td>50.0</td>"),
                html);
        assertFalse(html.contains("<script") || html.contains("<link") || html.contains("src=\""), "nothing fetched");
    }

    @Test
    void withoutIntervalsTheJsonHasNone() throws Exception {
        EventScorer.Scores scores = EventScorer.score(List.of(EventScorerTest.gold()), List.of(EventScorerTest.gold()));
        JsonNode json = new ObjectMapper().readTree(new EvaluationReport(scores,
                CoreferenceScorer.score(List.of(EventScorerTest.gold()), List.of(EventScorerTest.gold())), Map.of()).json());
        assertFalse(json.path("metrics").path("Trig-C").has("f1Ci95"));
        assertEquals(1.0, json.path("metrics").path("Arg-C").path("f1").asDouble(), 1e-9);
        assertFalse(json.has("triggerErrors"));
    }
}
