package org.casie.incident;

import org.casie.corpus.CharSpan;
import org.casie.text.TokenTable;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The indexed look-ups of {@link NamedEntities} (kept sub-quadratic for multi-megabyte articles) against the plain
 * scans they replace, on random articles whose names are variants of each other in every way the clustering knows.
 */
class NamedEntitiesTest {

    private static final String[] WORDS = {"Sutter", "Medical", "Foundation", "Acme", "Citycomp", "Smith", "John",
            "Colorado", "Department", "of", "Transportation", "Data", "Systems", "the", "Ciphr", "Bank"};
    private static final String[] SUFFIXES = {"", "", "", " Inc.", " Corp", "'s"};
    private static final String[] TAGS = {"ORGANIZATION", "ORGANIZATION", "PERSON", "LOCATION"};

    @Test
    void aSurnameAfterTheFullNameIsThePersonWhateverNerSays() {
        String text = "Chief Operating Officer Richard Cox confirmed it . Cox said Acme paid .";
        Map<String, String> ner = new LinkedHashMap<>();
        ner.put("Cox", "ORGANIZATION");
        ner.put("Richard Cox", "PERSON");
        ner.put("Acme", "ORGANIZATION");
        NamedEntities.Cluster cox = NamedEntities.of(text, HandTokens.of(text, ner)).clusters().get(0);
        assertEquals(List.of("Richard Cox", "Cox"), cox.runs().stream().map(NamedEntities.Run::text).toList());
        assertTrue(cox.isPerson(), cox.toString());

        // The company first, its founder later: still the company.
        String dell = "Dell said it was hit . Michael Dell spoke . Dell paid .";
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("Dell", "ORGANIZATION");
        tags.put("Michael Dell", "PERSON");
        assertTrue(NamedEntities.of(dell, HandTokens.of(dell, tags)).clusters().get(0).isOrganization());
    }

    @Test
    void aJobsFieldBeforeItsTitleIsNoPartOfTheOrganisation() {
        String text = "Cloquet School District Technology Director Tom Smith said . Acme Security said .";
        Map<String, String> ner = new LinkedHashMap<>();
        ner.put("Cloquet School District Technology", "ORGANIZATION");
        ner.put("Tom Smith", "PERSON");
        ner.put("Acme Security", "ORGANIZATION");
        List<String> names = NamedEntities.of(text, HandTokens.of(text, ner)).clusters().stream()
                .map(NamedEntities.Cluster::name).toList();
        // no title after "Acme Security": its last word stays
        assertEquals(List.of("Cloquet School District", "Tom Smith", "Acme Security"), names);
    }

    @Test
    void aSystemOfANamedOrganisationIsTheOrganisation() {
        String text = "Wishbone said it . A flaw in a Wishbone API leaked data . Acme API said . Wishbone paid .";
        Map<String, String> ner = new LinkedHashMap<>();
        ner.put("Wishbone API", "ORGANIZATION");
        ner.put("Acme API", "ORGANIZATION");
        List<String> names = NamedEntities.of(text, HandTokens.of(text, ner)).clusters().stream()
                .map(NamedEntities.Cluster::name).toList();
        // "Acme" is written once: "Acme API" may be a product's name, and stays whole
        assertEquals(List.of("Wishbone", "Acme API"), names);
    }

    @Test
    void aPlaceAfterOfIsNoVariantOfTheName() {
        assertFalse(NamedEntities.variants("Academy of Medicine Malaysia", "Malaysia"));
        assertFalse(NamedEntities.variants("Bank of America", "America"));
        assertTrue(NamedEntities.variants("John Smith", "Smith"));
        assertTrue(NamedEntities.variants("Colorado Department of Transportation", "CDOT"));
    }

    @Test
    void cryptocurrenciesAreNoEntities() {
        String text = "The hackers demand $51,000 in Bitcoin from Atlanta .";
        NamedEntities entities = NamedEntities.of(text, HandTokens.of(text, Map.of("Bitcoin", "LOCATION",
                "Atlanta", "LOCATION")));
        assertEquals(List.of("Atlanta"), entities.clusters().stream().map(NamedEntities.Cluster::name).toList());
    }

    @Test
    void clustersAsTheFirstClusterHoldingAVariantWould() {
        Random random = new Random(7);
        for (int trial = 0; trial < 300; trial++) {
            Article a = randomArticle(random);
            NamedEntities entities = NamedEntities.of(a.text, a.tokens);
            List<List<NamedEntities.Run>> expected = scanClusters(entities.runs());
            List<NamedEntities.Cluster> actual = entities.clusters();
            assertEquals(expected.size(), actual.size(), a.text);
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.get(i), actual.get(i).runs(), a.text);
            }
        }
    }

    @Test
    void headWordRunsAndNearestMentionsAsTheScansWouldFindThem() {
        Random random = new Random(11);
        for (int trial = 0; trial < 300; trial++) {
            Article a = randomArticle(random);
            NamedEntities entities = NamedEntities.of(a.text, a.tokens);
            for (String word : WORDS) {
                assertSame(scanByHeadWord(entities, word), entities.byHeadWord(word), a.text + " / " + word);
            }
            for (int k = 0; k < 20; k++) {
                int begin = random.nextInt(a.text.length() + 1);
                CharSpan span = new CharSpan(begin, Math.min(a.text.length(), begin + random.nextInt(30)));
                assertEquals(scanRunsIn(entities, span), entities.runsIn(span), a.text + " " + span);
                assertSame(scanLastPerson(entities, span.begin()), entities.lastPersonBefore(span.begin()));
                for (NamedEntities.Cluster c : entities.clusters()) {
                    assertEquals(scanLastMention(c, span.begin()), c.lastMentionBefore(span.begin()));
                }
            }
            for (int k = 0; k < 10; k++) {
                int offset = random.nextInt(a.text.length() + 1);
                java.util.Set<NamedEntities.Cluster> exclude = new java.util.HashSet<>();
                entities.clusters().stream().filter(c -> random.nextInt(4) == 0).forEach(exclude::add);
                assertSame(scanMostNamedOrganization(entities, offset, exclude),
                        entities.mostNamedOrganizationBefore(offset, exclude), a.text + " @" + offset);
            }
            List<NamedEntities.Cluster> orgs = entities.organizationsByMentions();
            for (int i = 1; i < orgs.size(); i++) {
                NamedEntities.Cluster x = orgs.get(i - 1), y = orgs.get(i);
                assertTrue(x.runs().size() > y.runs().size() || (x.runs().size() == y.runs().size() && x.id() < y.id()));
            }
            assertEquals(entities.clusters().stream().filter(NamedEntities.Cluster::isOrganization).count(), orgs.size());
        }
    }

    @Test
    void acronymsJoinTheirExpansionWhicheverComesFirst() {
        String text = "SMF said . Sutter Medical Foundation said . CDOT said . Colorado Department of Transportation said .";
        TokenTable t = HandTokens.of(text, Map.of("SMF", "ORGANIZATION", "Sutter Medical Foundation", "ORGANIZATION",
                "CDOT", "ORGANIZATION", "Colorado Department of Transportation", "ORGANIZATION"));
        NamedEntities entities = NamedEntities.of(text, t);
        assertEquals(2, entities.clusters().size());
        assertEquals("Sutter Medical Foundation", entities.clusters().get(0).name());
        assertEquals("Colorado Department of Transportation", entities.clusters().get(1).name());
        assertNull(entities.byHeadWord("Nobody"));
    }

    private record Article(String text, TokenTable tokens) {
    }

    /** Sentences "NAME said ." whose names are random variants: suffixes, possessives, tails, acronyms, case. */
    private static Article randomArticle(Random random) {
        StringBuilder text = new StringBuilder();
        Map<String, String> ner = new LinkedHashMap<>();
        int sentences = 3 + random.nextInt(25);
        for (int s = 0; s < sentences; s++) {
            String name = randomName(random);
            ner.putIfAbsent(name, TAGS[random.nextInt(TAGS.length)]);
            text.append(name).append(" said . ");
        }
        return new Article(text.toString(), HandTokens.of(text.toString(), ner));
    }

    private static String randomName(Random random) {
        int n = 1 + random.nextInt(3);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            words.add(WORDS[random.nextInt(WORDS.length)]);
        }
        if (random.nextInt(5) == 0) { // an acronym of capitals or of every word
            StringBuilder acronym = new StringBuilder();
            boolean every = random.nextBoolean();
            for (String w : words) {
                if (every || Character.isUpperCase(w.charAt(0))) {
                    acronym.append(Character.toUpperCase(w.charAt(0)));
                }
            }
            if (acronym.length() >= 2) {
                return acronym.toString();
            }
        }
        String name = String.join(" ", words);
        if (random.nextInt(6) == 0) {
            name = name.toUpperCase(Locale.ROOT);
        }
        return name + SUFFIXES[random.nextInt(SUFFIXES.length)];
    }

    /** The clustering as first written: each run joins the first cluster holding a variant of it. */
    private static List<List<NamedEntities.Run>> scanClusters(List<NamedEntities.Run> runs) {
        List<List<NamedEntities.Run>> clusters = new ArrayList<>();
        for (NamedEntities.Run r : runs) {
            List<NamedEntities.Run> match = null;
            for (List<NamedEntities.Run> c : clusters) {
                if (c.stream().anyMatch(x -> NamedEntities.variants(x.text(), r.text()))) {
                    match = c;
                    break;
                }
            }
            if (match == null) {
                match = new ArrayList<>();
                clusters.add(match);
            }
            match.add(r);
        }
        return clusters;
    }

    private static NamedEntities.Cluster scanByHeadWord(NamedEntities entities, String word) {
        String w = word.toLowerCase(Locale.ROOT);
        NamedEntities.Cluster best = null;
        for (NamedEntities.Cluster c : entities.clusters()) {
            boolean named = c.runs().stream().map(r -> NamedEntities.key(r.text()))
                    .anyMatch(k -> !k.isEmpty() && k.get(k.size() - 1).equals(w));
            if (named && (best == null || c.runs().size() > best.runs().size())) {
                best = c;
            }
        }
        return best;
    }

    private static List<NamedEntities.Run> scanRunsIn(NamedEntities entities, CharSpan span) {
        return entities.runs().stream().filter(r -> r.span().overlaps(span)).toList();
    }

    private static NamedEntities.Cluster scanLastPerson(NamedEntities entities, int offset) {
        NamedEntities.Cluster best = null;
        int bestBegin = -1;
        for (NamedEntities.Run r : entities.runs()) {
            if (entities.clusterOf(r).isPerson() && r.span().end() <= offset && r.span().begin() > bestBegin) {
                best = entities.clusterOf(r);
                bestBegin = r.span().begin();
            }
        }
        return best;
    }

    /** The rule as first written: most often named, ties the one named last before the offset. */
    private static NamedEntities.Cluster scanMostNamedOrganization(NamedEntities entities, int offset,
                                                                   java.util.Set<NamedEntities.Cluster> exclude) {
        NamedEntities.Cluster best = null;
        int bestCount = 0, bestLast = -1;
        for (NamedEntities.Cluster c : entities.clusters()) {
            if (!c.isOrganization() || exclude.contains(c)) {
                continue;
            }
            int last = scanLastMention(c, offset);
            if (last >= 0 && (c.runs().size() > bestCount || (c.runs().size() == bestCount && last > bestLast))) {
                best = c;
                bestCount = c.runs().size();
                bestLast = last;
            }
        }
        return best;
    }

    private static int scanLastMention(NamedEntities.Cluster c, int offset) {
        int last = -1;
        for (NamedEntities.Run r : c.runs()) {
            if (r.span().end() <= offset) {
                last = Math.max(last, r.span().begin());
            }
        }
        return last;
    }
}
