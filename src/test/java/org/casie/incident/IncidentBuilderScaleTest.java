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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Records for one long article cost time linear in its length: a report of thousands of incidents, each naming its
 * own company, person and place, resolving "the company", "its" and "he" (the first version compared every name with
 * every earlier one and scanned every mention per argument: a 10 MB article took most of an hour).
 */
class IncidentBuilderScaleTest {

    private static final String PART = "Data from provider %1$s Systems leaked . The company said its customers in"
            + " %2$s were hit . Analyst %3$s Doe said he blamed a rival company . ";

    @Test
    void eightTimesTheArticleCostsAboutEightTimesTheTime() {
        build(200); // warm-up: the JIT, not the algorithm, dominates the first run
        long small = Math.max(1, best(300));
        long large = best(2400);
        assertTrue(large < 24 * small, "300 parts: " + small / 1_000_000 + " ms, 2400 parts: " + large / 1_000_000
                + " ms; linear would be 8x, quadratic 64x");
    }

    @Test
    void eachPartKeepsItsOwnVictim() {
        List<IncidentRecord> records = build(50);
        assertEquals(50, records.size());
        for (int k = 0; k < 50; k++) {
            assertEquals(name("V", k) + " Systems", records.get(k).primaryVictim().name());
        }
    }

    private static long best(int parts) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 2; i++) {
            long t0 = System.nanoTime();
            build(parts);
            best = Math.min(best, System.nanoTime() - t0);
        }
        return best;
    }

    /** An article of {@code parts} copies of {@link #PART}, each with its own names and a Databreach hopper. */
    private static List<IncidentRecord> build(int parts) {
        StringBuilder text = new StringBuilder();
        List<TokenTable> tables = new ArrayList<>();
        int[] offsets = new int[parts];
        List<Hopper> hoppers = new ArrayList<>();
        for (int k = 0; k < parts; k++) {
            String company = name("V", k), city = name("C", k), person = name("P", k);
            String part = String.format(PART, company, city, person);
            offsets[k] = text.length();
            tables.add(HandTokens.of(part, Map.of(company + " Systems", "ORGANIZATION", city, "LOCATION",
                    person + " Doe", "PERSON")));
            int at = text.length();
            text.append(part);
            String content = text.toString();
            List<ArgumentMention> args = List.of(
                    argument(content, at, "provider " + company + " Systems", Role.VICTIM),
                    argument(content, at, "The company", Role.VICTIM),
                    argument(content, at, "its customers", Role.VICTIM),
                    argument(content, at, "he", Role.ATTACKER));
            CharSpan trigger = find(content, at, "leaked");
            hoppers.add(new Hopper(k, "Same", List.of(new EventMention("E" + k, "T" + k, trigger, "leaked",
                    Subtype.Databreach, Realis.Actual, args, 0.9))));
        }
        Document d = new Document("long", null, text.toString(), null, "2017_05_02", null, null, hoppers);
        return IncidentBuilder.build(d, TokenTable.join(tables, offsets));
    }

    /** A name of letters only, distinct per part ("Vbc"): digits would make every part's names share a shape. */
    private static String name(String first, int k) {
        StringBuilder s = new StringBuilder(first);
        do {
            s.append((char) ('a' + k % 26));
            k /= 26;
        } while (k > 0);
        return s.toString();
    }

    private static ArgumentMention argument(String content, int from, String text, Role role) {
        return new ArgumentMention("A" + from + text.length(), find(content, from, text), text, role, "Organization",
                Map.of(), 0.8);
    }

    private static CharSpan find(String content, int from, String text) {
        int at = content.indexOf(text, from);
        return new CharSpan(at, at + text.length());
    }
}
