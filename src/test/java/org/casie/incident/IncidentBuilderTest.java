package org.casie.incident;

import org.casie.corpus.ArgumentMention;
import org.casie.corpus.CharSpan;
import org.casie.corpus.Document;
import org.casie.corpus.EventMention;
import org.casie.corpus.Hopper;
import org.casie.corpus.Realis;
import org.casie.corpus.Role;
import org.casie.corpus.Subtype;
import org.casie.text.TokenTable;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One hand-made article per rule of {@link IncidentBuilder}. */
class IncidentBuilderTest {

    /** An event whose arguments are given as (role, text, entity type, occurrence of the text). */
    private static EventMention event(String content, Subtype subtype, String trigger, Object... args) {
        int t = content.indexOf(trigger);
        List<ArgumentMention> out = new ArrayList<>();
        for (int i = 0; i < args.length; i += 4) {
            String text = (String) args[i + 1];
            int at = -1;
            for (int k = 0; k <= (int) args[i + 3]; k++) {
                at = content.indexOf(text, at + 1);
            }
            out.add(new ArgumentMention("T" + (i + 10), new CharSpan(at, at + text.length()), text, (Role) args[i],
                    (String) args[i + 2], Map.of(), 0.8));
        }
        return new EventMention("E" + t, "T" + t, new CharSpan(t, t + trigger.length()), trigger, subtype, Realis.Actual, out, 0.9);
    }

    private static Document doc(String content, EventMention... events) {
        return new Document("d", null, content, null, "2017_05_02", null, null, List.of(new Hopper(0, "Same", List.of(events))));
    }

    private static IncidentRecord only(Document d, TokenTable t) {
        List<IncidentRecord> records = IncidentBuilder.build(d, t);
        assertEquals(1, records.size());
        return records.get(0);
    }

    @Test
    void nameVariantsAreOneEntity() {
        String text = "Data from encrypted phone provider Ciphr leaked. Ciphr's users were hit. Ciphr said so.";
        Document d = doc(text, event(text, Subtype.Databreach, "leaked",
                Role.VICTIM, "encrypted phone provider Ciphr", "Organization", 0,
                Role.VICTIM, "Ciphr's", "Organization", 0));
        IncidentRecord r = only(d, HandTokens.of(text, Map.of("Ciphr", "ORGANIZATION")));
        assertEquals(1, r.entities(Role.VICTIM).size(), r.roles().toString());
        Entity ciphr = r.entities(Role.VICTIM).get(0);
        assertEquals("Ciphr", ciphr.name());
        assertEquals(2, ciphr.mentions().size(), "both mentions kept as evidence");
        assertEquals(ciphr, r.primaryVictim());
    }

    @Test
    void anAcronymAndItsExpansionAreOneEntity() {
        String text = "Sutter Medical Foundation (SMF) was breached. SMF notified patients.";
        Document d = doc(text, event(text, Subtype.Databreach, "breached",
                Role.VICTIM, "Sutter Medical Foundation (SMF)", "Organization", 0,
                Role.VICTIM, "SMF", "Organization", 1));
        IncidentRecord r = only(d, HandTokens.of(text, Map.of("Sutter Medical Foundation", "ORGANIZATION", "SMF", "ORGANIZATION")));
        assertEquals(1, r.entities(Role.VICTIM).size(), r.roles().toString());
        assertEquals("Sutter Medical Foundation", r.primaryVictim().name());
    }

    @Test
    void anAcronymOfEveryWordNeedsNoParenthesis() {
        // News writes "Colorado Department of Transportation" once, then "CDOT"; "of" counts in this acronym.
        String text = "Colorado Department of Transportation was hit by ransomware. CDOT shut down computers. "
                + "Department of Homeland Security helped, and DHS said so.";
        Document d = doc(text, event(text, Subtype.Ransom, "hit",
                Role.VICTIM, "CDOT", "Organization", 0,
                Role.VICTIM, "Colorado Department of Transportation", "Organization", 0));
        IncidentRecord r = only(d, HandTokens.of(text, Map.of("Colorado Department of Transportation", "ORGANIZATION",
                "CDOT", "ORGANIZATION", "Department of Homeland Security", "ORGANIZATION", "DHS", "ORGANIZATION")));
        assertEquals(List.of("Colorado Department of Transportation"),
                r.entities(Role.VICTIM).stream().map(Entity::name).toList());
        assertTrue(NamedEntities.isAcronymOf("DHS", "Department of Homeland Security"), "capitals only");
        assertFalse(NamedEntities.isAcronymOf("CDT", "Citycomp"), "one capital is no acronym");
    }

    @Test
    void aDefiniteNominalResolvesToTheNamedOrganisation() {
        String text = "Acme Corp sells tools. Acme Corp is big. Hackers breached the company on Monday.";
        Document d = doc(text, event(text, Subtype.Databreach, "breached",
                Role.VICTIM, "the company", "Organization", 0, Role.ATTACKER, "Hackers", "Person", 0,
                Role.TIME, "Monday", "Time", 0));
        IncidentRecord r = only(d, HandTokens.of(text, Map.of("Acme Corp", "ORGANIZATION")));
        assertEquals("Acme Corp", r.primaryVictim().name());
        assertEquals("the company", r.primaryVictim().mentions().get(0).text(), "the original mention is the evidence");
        assertEquals("2017-05-01", r.date(), "Monday before the article's date");
    }

    @Test
    void aPronounResolvesAndAnUnresolvedOneIsDropped() {
        String text = "Acme Corp said hackers stole its data. They also stole their files.";
        Document d = doc(text, event(text, Subtype.Databreach, "stole",
                Role.VICTIM, "its", "Organization", 0, Role.VICTIM, "their", "Person", 0));
        IncidentRecord r = only(d, HandTokens.of(text, Map.of("Acme Corp", "ORGANIZATION")));
        assertEquals(List.of("Acme Corp"), r.entities(Role.VICTIM).stream().map(Entity::name).toList());
        for (List<Entity> es : r.roles().values()) {
            for (Entity e : es) {
                assertFalse(NameText.namesNothing(e.name()), "no field is a pronoun or function word: " + e.name());
            }
        }
    }

    @Test
    void theAttackerIsNeverAVictim() {
        String text = "Zeta Group hacked Acme Corp. Zeta Group leaked the files.";
        Document d = doc(text, event(text, Subtype.Databreach, "hacked",
                Role.ATTACKER, "Zeta Group", "Organization", 0,
                Role.VICTIM, "Zeta Group", "Organization", 1,
                Role.VICTIM, "Acme Corp", "Organization", 0));
        IncidentRecord r = only(d, HandTokens.of(text, Map.of("Zeta Group", "ORGANIZATION", "Acme Corp", "ORGANIZATION")));
        assertEquals(List.of("Acme Corp"), r.entities(Role.VICTIM).stream().map(Entity::name).toList());
        assertEquals("Zeta Group", r.primaryAttacker().name());
    }

    @Test
    void anAttackersPronounNeverResolvesToTheIncidentsVictim() {
        // "We" is Acme speaking; tagged as the attacker it must not make Acme attack itself.
        String text = "Acme Corp was phished. We were targeted, Acme Corp said.";
        Document d = doc(text, event(text, Subtype.Phishing, "phished",
                Role.VICTIM, "Acme Corp", "Organization", 0,
                Role.ATTACKER, "We", "Organization", 0));
        IncidentRecord r = only(d, HandTokens.of(text, Map.of("Acme Corp", "ORGANIZATION")));
        assertEquals("Acme Corp", r.primaryVictim().name());
        assertNull(r.primaryAttacker(), r.roles().toString());
        // Nor to another organisation named before it.
        String quoted = "Zeta Labs found that Acme Corp was phished. We were targeted, Acme Corp said.";
        r = only(doc(quoted, event(quoted, Subtype.Phishing, "phished", Role.VICTIM, "Acme Corp", "Organization", 0,
                Role.ATTACKER, "We", "Organization", 0)),
                HandTokens.of(quoted, Map.of("Acme Corp", "ORGANIZATION", "Zeta Labs", "ORGANIZATION")));
        assertNull(r.primaryAttacker(), r.roles().toString());
        // A nominal attacker does not resolve to the named victim either.
        String nominal = "Acme Corp was hacked. The company that attacked it is unknown.";
        r = only(doc(nominal, event(nominal, Subtype.Databreach, "hacked", Role.VICTIM, "Acme Corp", "Organization", 0,
                Role.ATTACKER, "The company", "Organization", 0)), HandTokens.of(nominal, Map.of("Acme Corp", "ORGANIZATION")));
        assertTrue(r.primaryAttacker() == null || !r.primaryAttacker().name().equals("Acme Corp"), r.roles().toString());
    }

    /** "Acme blames Zeta for the leak .": blames -> Acme (nsubj), Zeta (obj), leak (obl). */
    @Test
    void theAccusedPartyIsNeverAVictimAndIsTheInferredAttacker() {
        String text = "Acme blames Zeta for the leak .";
        int[] begin = {0, 5, 12, 17, 21, 25, 30};
        int[] end = {4, 11, 16, 20, 24, 29, 31};
        String[] word = {"Acme", "blames", "Zeta", "for", "the", "leak", "."};
        String[] lemma = {"acme", "blame", "zeta", "for", "the", "leak", "."};
        String[] pos = {"NNP", "VBZ", "NNP", "IN", "DT", "NN", "."};
        String[] ner = {"ORGANIZATION", "O", "ORGANIZATION", "O", "O", "O", "O"};
        int[] head = {1, -1, 1, 5, 5, 1, 1};
        String[] rel = {"nsubj", "root", "obj", "case", "det", "obl", "punct"};
        TokenTable t = new TokenTable(new int[7], begin, end, word, lemma, pos, ner, head, rel);
        Document d = doc(text, event(text, Subtype.Databreach, "leak",
                Role.VICTIM, "Zeta", "Organization", 0, Role.VICTIM, "Acme", "Organization", 0));
        IncidentRecord r = only(d, t);
        assertEquals(List.of("Acme"), r.entities(Role.VICTIM).stream().map(Entity::name).toList());
        assertEquals("Zeta", r.primaryAttacker().name());
        assertTrue(r.primaryAttacker().inferred());
    }

    @Test
    void organisationsRankBeforePeopleAndUnnamedVictims() {
        String text = "Hackers hit users and Acme Corp. John Smith lost data.";
        Document d = doc(text, event(text, Subtype.Databreach, "hit",
                Role.VICTIM, "users", "Person", 0, Role.VICTIM, "John Smith", "Person", 0,
                Role.VICTIM, "Acme Corp", "Organization", 0));
        IncidentRecord r = only(d, HandTokens.of(text, Map.of("Acme Corp", "ORGANIZATION", "John Smith", "PERSON")));
        assertEquals(List.of("Acme Corp", "John Smith", "users"), r.entities(Role.VICTIM).stream().map(Entity::name).toList());
    }

    @Test
    void quotedSourcesAndMalwareNamesRankAfterTheVictimOrganisation() {
        // CoreNLP tags news outlets, vendors and malware as organisations; the tagger then calls them victims.
        String text = "(CNN) The SamSam ransomware hit Acme Corp, according to the Denver Post. "
                + "Experts at Webroot said SamSam hit Acme Corp and Webroot.";
        Document d = doc(text, event(text, Subtype.Ransom, "hit",
                Role.VICTIM, "CNN", "Organization", 0, Role.VICTIM, "SamSam", "Organization", 0,
                Role.VICTIM, "Denver Post", "Organization", 0, Role.VICTIM, "Webroot", "Organization", 1,
                Role.VICTIM, "Acme Corp", "Organization", 0));
        IncidentRecord r = only(d, HandTokens.of(text, Map.of("CNN", "ORGANIZATION", "SamSam", "ORGANIZATION",
                "Denver Post", "ORGANIZATION", "Webroot", "ORGANIZATION", "Acme Corp", "ORGANIZATION")));
        List<String> victims = r.entities(Role.VICTIM).stream().map(Entity::name).toList();
        assertEquals("Acme Corp", victims.get(0), victims.toString());
        assertEquals("Acme Corp", r.primaryVictim().name());
        assertEquals(5, victims.size(), "ranked after, not dropped: " + victims);
    }

    @Test
    void aNameTheTextWritesBeforeRansomwareIsMalwareEvenWhereNerMissedIt() {
        // NER tags GandCrab once, as an organisation, and not where the text calls it ransomware; the title names it.
        String text = "GandCrab hit private industry . A Gandcrab ransomware decryption tool is out .";
        EventMention e = event(text, Subtype.Ransom, "hit", Role.VICTIM, "private industry", "Organization", 0);
        Document d = new Document("d", null, text, "Free decryption tool for GandCrab", "2018_02_28", null, null,
                List.of(new Hopper(0, "Same", List.of(e))));
        TokenTable t = HandTokens.of(text, Map.of("GandCrab", "ORGANIZATION"));
        TaggedArticle article = IncidentBuilder.article(d, t);
        assertEquals("private industry", article.primaryVictim().name(), "the title's malware is not proposed");
    }

    @Test
    void aPlaceBeforeAnOrganisationNounLocatesAnotherParty() {
        String text = "Hackers hit An Indiana hospital . Atlanta officials paid .";
        Document d = doc(text, event(text, Subtype.Ransom, "hit",
                Role.VICTIM, "An Indiana hospital", "Organization", 0, Role.VICTIM, "Atlanta officials", "Person", 0));
        IncidentRecord r = only(d, HandTokens.of(text, Map.of("Indiana", "STATE_OR_PROVINCE", "Atlanta", "CITY")));
        List<String> victims = r.entities(Role.VICTIM).stream().map(Entity::name).toList();
        assertTrue(victims.contains("Indiana hospital"), "the hospital, not the state: " + victims);
        assertTrue(victims.contains("Atlanta"), "the city's officials are the city's: " + victims);
        assertFalse(victims.contains("Indiana"), victims.toString());
    }

    @Test
    void aPartyWhoseOwnOfficerIsQuotedIsNoSource() {
        // "according to Atlanta's chief operating officer": Atlanta speaks for itself; the outlet is the source.
        String text = "Hackers hit Atlanta , according to Atlanta's chief operating officer . "
                + "The Denver Post reported the attack on Atlanta and the Denver Post .";
        Document d = doc(text, event(text, Subtype.Ransom, "hit",
                Role.VICTIM, "Denver Post", "Organization", 1, Role.VICTIM, "Atlanta", "Organization", 0));
        IncidentRecord r = only(d, HandTokens.of(text, Map.of("Atlanta", "LOCATION", "Denver Post", "ORGANIZATION")));
        assertEquals(List.of("Atlanta", "Denver Post"), r.entities(Role.VICTIM).stream().map(Entity::name).toList());
    }

    @Test
    void anOrganisationInAppositionToAVictimNominalIsAnInferredVictim() {
        String text = "Hackers broke into a firm . Citycomp , the impacted firm , sells servers .";
        Document d = doc(text, event(text, Subtype.Databreach, "broke into",
                Role.ATTACKER, "Hackers", "Person", 0));
        IncidentRecord r = only(d, HandTokens.of(text, Map.of("Citycomp", "ORGANIZATION")));
        assertEquals("Citycomp", r.primaryVictim().name());
        assertTrue(r.primaryVictim().inferred());
    }

    @Test
    void valuesAreNormalised() {
        String text = "Hackers stole 2 million records exploiting cve 2017-0144 and asked $5,000.";
        Document d = doc(text, event(text, Subtype.Databreach, "stole",
                Role.NUMBER_OF_DATA, "2 million", "Number", 0, Role.CVE, "cve 2017-0144", "CVE", 0));
        IncidentRecord r = only(d, HandTokens.of(text, Map.of()));
        assertEquals(new Value.Count(2_000_000L), r.entities(Role.NUMBER_OF_DATA).get(0).value());
        assertEquals("CVE-2017-0144", r.entities(Role.CVE).get(0).name());
        assertNull(r.primaryVictim());
    }

    @Test
    void anArticleWithoutEventsHasNoRecords() {
        Document d = Document.ofText("x", "Nothing happened.");
        assertTrue(IncidentBuilder.build(d, HandTokens.of(d.content(), Map.of())).isEmpty());
    }

    @Test
    void aNominalResolvesToTheEntityWhoseNameHoldsItsNoun() {
        // Google is named more often, but "the county" is Mecklenburg County (dev article 10095 went to Google)
        String text = "Mecklenburg County uses Google. Google said Google was not hit. Hackers locked the county out.";
        Document d = doc(text, event(text, Subtype.Ransom, "locked",
                Role.VICTIM, "the county", "Organization", 0));
        IncidentRecord r = only(d, HandTokens.of(text, Map.of("Mecklenburg County", "LOCATION", "Google", "ORGANIZATION")));
        assertEquals("Mecklenburg County", r.primaryVictim().name());
        assertEquals("the county", r.primaryVictim().mentions().get(0).text());
    }

    @Test
    void theCityIsThePlaceNamedBeforeItNotAnOrganisation() {
        // the FBI is named more often, but a city is a place (dev article 10248 went to the FBI)
        String text = "Hackers hit Atlanta. The FBI said the FBI would help. The city paid.";
        Document d = doc(text, event(text, Subtype.Ransom, "hit",
                Role.VICTIM, "The city", "Organization", 0));
        IncidentRecord r = only(d, HandTokens.of(text, Map.of("Atlanta", "LOCATION", "FBI", "ORGANIZATION")));
        assertEquals("Atlanta", r.primaryVictim().name());
    }

    @Test
    void aTitleNamesAnOrganisationByItsAcronym() {
        // dev article 10106: the title says CDOT, the text only "Colorado Department of Transportation"
        String text = "State-owned computers were held for ransom . Some Colorado Department of Transportation computers "
                + "were infected .";
        EventMention e = event(text, Subtype.Ransom, "held", Role.VICTIM, "State-owned computers", "Device", 0);
        Document d = new Document("d", null, text, "CDOT computers held for ransom", "2018_02_22", null, null,
                List.of(new Hopper(0, "Same", List.of(e))));
        TokenTable t = HandTokens.of(text, Map.of("Colorado Department of Transportation", "ORGANIZATION"));
        TaggedArticle article = IncidentBuilder.article(d, t);
        assertEquals("Colorado Department of Transportation", article.primaryVictim().name());
        assertTrue(article.primaryVictim().inferred());
    }
}
