package org.casie.tag.io;

import org.casie.corpus.AnnotationReader;
import org.casie.corpus.ArgumentMention;
import org.casie.corpus.CharSpan;
import org.casie.corpus.Document;
import org.casie.corpus.EventMention;
import org.casie.corpus.Hopper;
import org.casie.corpus.Realis;
import org.casie.corpus.Role;
import org.casie.corpus.Subtype;
import org.casie.incident.HandTokens;
import org.casie.incident.IncidentBuilder;
import org.casie.incident.TaggedArticle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutputWritersTest {

    static final String CONTENT = "Hackers <gang> breached Acme\nCorp on Monday. Customer data was stolen.";

    /** A tagged document with a span crossing a newline and a shared argument. */
    static Document tagged() {
        ArgumentMention attacker = new ArgumentMention("T2", new CharSpan(0, 14), "Hackers <gang>", Role.ATTACKER, "Person",
                Map.of(), 0.9);
        ArgumentMention victim = new ArgumentMention("T3", new CharSpan(24, 33), "Acme\nCorp", Role.VICTIM, "Organization",
                Map.of(), 0.8);
        ArgumentMention time = new ArgumentMention("T4", new CharSpan(37, 43), "Monday", Role.TIME, "Time", Map.of(), 0.7);
        ArgumentMention data = new ArgumentMention("T6", new CharSpan(45, 58), "Customer data", Role.COMPROMISED_DATA,
                "Data", Map.of(), 0.6);
        EventMention breach = new EventMention("E1", "T1", new CharSpan(15, 23), "breached", Subtype.Databreach,
                Realis.Actual, List.of(attacker, victim, time), 0.95);
        EventMention stolen = new EventMention("E2", "T5", new CharSpan(63, 69), "stolen", Subtype.Databreach,
                Realis.Actual, List.of(data, victim), 0.85);
        return new Document("doc1", null, CONTENT, "Acme breach", null, null, null,
                List.of(new Hopper(0, "Same", List.of(breach, stolen))));
    }

    /** The tagged document with its records, Acme Corp tagged as an organisation. */
    static TaggedArticle article(Document doc) {
        return new TaggedArticle(doc, IncidentBuilder.build(doc, HandTokens.of(doc.content(), Map.of("Acme\nCorp", "ORGANIZATION"))));
    }

    @Test
    void jsonRoundTripsThroughTheReader(@TempDir Path dir) throws Exception {
        new JsonOutputWriter().write(article(tagged()), dir);
        assertEquals(tagged(), new AnnotationReader().read(dir.resolve("doc1.json")).document().orElseThrow());
    }

    @Test
    void bratFragmentsMatchTheText(@TempDir Path dir) throws Exception {
        new BratOutputWriter().write(article(tagged()), dir);
        String text = Files.readString(dir.resolve("doc1.txt"));
        assertEquals(CONTENT, text);
        List<String> lines = Files.readAllLines(dir.resolve("doc1.ann"));
        int textBound = 0;
        for (String line : lines) {
            if (!line.startsWith("T")) {
                continue;
            }
            textBound++;
            String[] cols = line.split("\t");
            String[] typeAndSpans = cols[1].split(" ", 2);
            StringBuilder covered = new StringBuilder();
            for (String fragment : typeAndSpans[1].split(";")) {
                String[] be = fragment.split(" ");
                String piece = text.substring(Integer.parseInt(be[0]), Integer.parseInt(be[1]));
                assertFalse(piece.contains("\n"), line);
                covered.append(covered.length() > 0 ? " " : "").append(piece);
            }
            assertEquals(cols[2], covered.toString(), line);
        }
        assertEquals(6, textBound, "the shared victim is written once");
        assertTrue(lines.contains("E1\tDatabreach:T1 Attacker:T2 Victim:T3 Time:T4"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.matches("A\\d+\tRealis E2 Actual")));
    }

    @Test
    void htmlHighlightsEverySpanAndEscapesMarkup() {
        String html = HtmlOutputWriter.render(tagged());
        assertTrue(html.contains("Hackers &lt;gang&gt;"));
        assertFalse(html.contains("<gang>"));
        for (String span : List.of("breached", "Monday", "Customer data", "stolen")) {
            assertTrue(html.matches("(?s).*<mark class=\"[^\"]+\" title=\"[^\"]*\">" + span + "</mark>.*"), span);
        }
        assertTrue(html.contains("<mark class=\"t-Databreach\""));
        assertTrue(html.contains("<mark class=\"r-Victim\""));
    }

    @Test
    void summaryListsVictimAndAttackerWithTheirSentence() {
        String summary = SummaryWriter.render(article(tagged()));
        assertTrue(summary.contains("Incident I1: Databreach (Actual), mentioned as 'breached', 'stolen'"), summary);
        assertTrue(summary.contains("Victim:           Acme Corp (organization)\n"), summary);
        assertTrue(summary.contains("Primary victim:   Acme Corp (organization)\n"), summary);
        assertTrue(summary.contains("Attacker:         Hackers <gang> (person)"), summary);
        assertTrue(summary.contains("\"Customer data was stolen.\""), summary);
    }

    @Test
    void summaryGivesOneIncidentRecordPerHopper() {
        Document one = tagged();
        List<EventMention> mentions = one.hoppers().get(0).events();
        Document two = one.withHoppers(List.of(new Hopper(0, "Same", List.of(mentions.get(0))),
                new Hopper(1, "Same", List.of(mentions.get(1)))));
        String summary = SummaryWriter.render(article(two));
        assertTrue(summary.contains("Incident I1: Databreach (Actual), mentioned as 'breached'\n"), summary);
        assertTrue(summary.contains("Incident I2: Databreach (Actual), mentioned as 'stolen'\n"), summary);
        assertFalse(summary.contains("Incident I3"), summary);
    }

    @Test
    void summaryOfAnArticleWithoutEventsSaysSo() {
        assertTrue(SummaryWriter.render(article(Document.ofText("x", "Nothing happened."))).contains("No cybersecurity events found."));
    }

    @Test
    void unknownFormatIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OutputFormats.parse("json,pdf"));
        assertTrue(e.getMessage().contains("'pdf'"));
    }
}
