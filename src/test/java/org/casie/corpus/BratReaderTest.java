package org.casie.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The brat reader on hand-made files under {@code src/test/resources/brat}. */
class BratReaderTest {

    private static final Path DIR = Path.of("src/test/resources/brat");

    private static ReadResult read(String name) {
        return new BratReader().read(DIR.resolve(name));
    }

    private static List<String> messages(ReadResult r) {
        return r.errors().stream().map(Problem::toString).toList();
    }

    @Test
    void readsTriggersArgumentsRealisReferencesAndHoppers() {
        ReadResult r = read("events.ann");
        assertEquals(List.of(), r.errors());
        assertEquals(List.of(), r.realigned());
        Document d = r.document().orElseThrow();
        assertEquals("events", d.id());
        assertEquals(2, d.hoppers().size());
        Hopper first = d.hoppers().get(0);
        assertEquals("Same", first.relation());
        assertEquals(List.of("E1", "E3"), first.events().stream().map(EventMention::id).toList());
        assertNull(d.hoppers().get(1).relation());
        EventMention e1 = first.events().get(0);
        assertEquals(Subtype.Databreach, e1.subtype());
        assertEquals(new CharSpan(8, 13), e1.trigger());
        assertEquals("T1", e1.triggerId());
        assertEquals(Realis.Actual, e1.realis());
        assertEquals(List.of(Role.ATTACKER, Role.COMPROMISED_DATA, Role.VICTIM),
                e1.arguments().stream().map(ArgumentMention::role).toList());
        ArgumentMention victim = e1.arguments().get(2);
        assertEquals("Acme Corp", victim.text());
        assertEquals("Organization", victim.entityType());
        assertEquals(Map.of("wikidataid", "Q1"), victim.externalReference());
        assertNull(e1.confidence(), "a note that is not a confidence is for people");
    }

    @Test
    void eventWithNoArgumentsIsKept() {
        EventMention e3 = read("events.ann").document().orElseThrow().hoppers().get(0).events().get(1);
        assertEquals("breach", e3.text());
        assertEquals(List.of(), e3.arguments());
    }

    @Test
    void fragmentsSplitAtANewlineAreOneSpanAndNotReported() {
        EventMention e2 = read("events.ann").document().orElseThrow().hoppers().get(1).events().get(0);
        ArgumentMention flaw = e2.arguments().get(0);
        assertEquals(new CharSpan(53, 61), flaw.span());
        assertEquals("the\nflaw", flaw.text());
        assertEquals(Realis.Generic, e2.realis());
    }

    @Test
    void discontinuousSpanIsReadAsItsCoveringSpanAndReported() {
        ReadResult r = read("problems.ann");
        assertTrue(messages(r).contains("problems.ann: line 11: discontinuous span 8 13;45 52 read as its covering span [8,52)"),
                messages(r).toString());
        EventMention e4 = r.document().orElseThrow().events().filter(e -> e.id().equals("E4")).findFirst().orElseThrow();
        assertEquals(new CharSpan(8, 52), e4.trigger());
        assertEquals(Realis.Other, e4.realis());
    }

    @Test
    void fragmentsOutOfOrderAreReadAsTheirCoveringSpanAndReported() {
        // found by the Jazzer campaign: "53 56;27 30" made the reader build the span [53, 30) and throw
        String content = "Hackers breached the company. It patched the bug later that week.";
        String ann = "T1\tDatabreach 8 16;0 7\tbreached Hackers\nE1\tDatabreach:T1\n";
        ReadResult r = new BratReader().read("order", ann, content, null);
        assertTrue(messages(r).contains("order.ann: line 1: discontinuous span 8 16;0 7 read as its covering span [0,16)"),
                messages(r).toString());
        assertEquals(new CharSpan(0, 16), r.document().orElseThrow().events().findFirst().orElseThrow().trigger());
    }

    @Test
    void unknownEventTypeDropsTheEventAndUnknownRoleTheArgument() {
        ReadResult r = read("problems.ann");
        List<String> m = messages(r);
        assertTrue(m.contains("problems.ann: line 6: unknown event type 'Hacking' (expected one of the 5 CASIE subtypes); E2 dropped"), m.toString());
        assertTrue(m.contains("problems.ann: line 3: unknown role 'Hacker' in E1; argument dropped"), m.toString());
        EventMention e1 = r.document().orElseThrow().events().filter(e -> e.id().equals("E1")).findFirst().orElseThrow();
        assertEquals(List.of(Role.ATTACKER), e1.arguments().stream().map(ArgumentMention::role).toList());
        assertTrue(r.document().orElseThrow().events().noneMatch(e -> e.id().equals("E2")));
    }

    @Test
    void brokenLinesAreOneLineErrorsNamingFileAndLine() {
        List<String> m = messages(read("problems.ann"));
        assertTrue(m.contains("problems.ann: line 7: cannot parse 'this is not an annotation' (expected a T, E, A, R, *, N or # "
                + "annotation line); ignored"), m.toString());
        assertTrue(m.stream().anyMatch(s -> s.startsWith("problems.ann: line 8: cannot parse 'T4\\tDatabreach 45 x\\tpatched'")),
                m.toString());
    }

    @Test
    void shiftedOffsetsAreRealignedAndReported() {
        ReadResult r = read("problems.ann");
        assertEquals(1, r.realigned().size());
        Realignment moved = r.realigned().get(0);
        assertEquals("problems.ann: line 1 (T1): 'stole' moved [9,14) -> [8,13)", moved.toString());
        assertEquals(new CharSpan(8, 13), r.document().orElseThrow().events().findFirst().orElseThrow().trigger());
    }

    @Test
    void spanPastTheTextIsDroppedAndSoIsTheArgumentNamingIt() {
        ReadResult r = read("problems.ann");
        assertEquals(1, r.dropped().size());
        assertTrue(r.dropped().get(0).toString().startsWith("problems.ann: line 14 (T7): text 'nowhere'"), r.dropped().toString());
        assertTrue(messages(r).contains("problems.ann: line 15: argument T7 of E5 is not a text-bound annotation here; dropped"));
    }

    @Test
    void missingRealisIsReadAsActualAndReported() {
        ReadResult r = read("problems.ann");
        assertTrue(messages(r).contains("problems.ann: line 10: E3 has no Realis attribute; read as Actual"));
    }

    @Test
    void missingTextFileRejectsTheDocument() {
        ReadResult r = read("orphan.ann");
        assertTrue(r.document().isEmpty());
        assertEquals(List.of("orphan.ann: no text file orphan.txt beside it; document skipped"), messages(r));
    }

    @Test
    void loaderTellsBratFromJsonByTheFilesAndListsBoth(@TempDir Path dir) throws Exception {
        Files.copy(DIR.resolve("events.ann"), dir.resolve("events.ann"));
        Files.copy(DIR.resolve("events.txt"), dir.resolve("events.txt"));
        Document json = Document.ofText("plain", "Nothing happened.");
        new AnnotationWriter().write(json, dir.resolve("plain.json"));
        assertEquals(List.of(dir.resolve("events.ann"), dir.resolve("plain.json")), CorpusLoader.goldFiles(List.of(dir)));
        LoadedCorpus byIds = new CorpusLoader().load(dir, List.of("events", "plain"), 1);
        assertEquals(List.of("events", "plain"), byIds.documents().stream().map(Document::id).toList());
        assertEquals(3, byIds.documents().get(0).events().count());
    }
}
