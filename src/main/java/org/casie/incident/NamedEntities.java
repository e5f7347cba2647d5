package org.casie.incident;

import org.casie.corpus.CharSpan;
import org.casie.text.TokenTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The article's named organisations, people and places (CoreNLP NER runs), with name variants merged into one
 * entity each: case and possessives ("CityComp", "Citycomp's"), an acronym and its expansion ("SMF", "Sutter
 * Medical Foundation"), a name and its tail ("Smith", "John Smith"), corporate suffixes ("Acme", "Acme Inc.").
 */
public final class NamedEntities {

    /** NER tags that name a party or a place. */
    static final Set<String> TAGS = Set.of("ORGANIZATION", "PERSON", "LOCATION", "CITY", "COUNTRY", "STATE_OR_PROVINCE");
    private static final Set<String> SUFFIXES = Set.of("inc", "corp", "corporation", "ltd", "llc", "co", "plc", "gmbh",
            "ag", "sa", "limited", "incorporated", "company");

    /** One NER run: tokens {@code [first, last)} and their character span. */
    public record Run(int first, int last, CharSpan span, String text, String tag) {
    }

    /** One named entity: its runs in text order and its canonical name. */
    public static final class Cluster {
        private final int id;
        private String tag;
        private final List<Run> runs = new ArrayList<>();
        private String name;

        Cluster(int id, String tag) {
            this.id = id;
            this.tag = tag;
        }

        public int id() { return id; }
        public String tag() { return tag; }
        public List<Run> runs() { return runs; }
        public String name() { return name; }
        public boolean isOrganization() { return tag.equals("ORGANIZATION"); }

        /** Named by one word only ("Ciphr", "Citycomp"): never as a first and last name. */
        boolean oneWordName() {
            return runs.stream().allMatch(r -> r.last() - r.first() == 1);
        }
        public boolean isPerson() { return tag.equals("PERSON"); }

        /** The CASIE entity type this NER class corresponds to. */
        public String entityType() {
            return switch (tag) {
                case "ORGANIZATION" -> "Organization";
                case "PERSON" -> "Person";
                default -> "GPE";
            };
        }

        @Override
        public String toString() {
            return name + "/" + tag + "x" + runs.size();
        }
    }

    private final List<Cluster> clusters;
    private final List<Run> runs;
    private final Map<Run, Cluster> clusterOf;

    private NamedEntities(List<Cluster> clusters, List<Run> runs, Map<Run, Cluster> clusterOf) {
        this.clusters = clusters;
        this.runs = runs;
        this.clusterOf = clusterOf;
    }

    public static NamedEntities of(String content, TokenTable tokens) {
        List<Run> runs = runs(content, tokens);
        List<Cluster> clusters = new ArrayList<>();
        Map<Run, Cluster> clusterOf = new LinkedHashMap<>();
        for (Run r : runs) {
            Cluster match = null;
            for (Cluster c : clusters) {
                if (sameEntity(c, r)) {
                    match = c;
                    break;
                }
            }
            if (match == null) {
                match = new Cluster(clusters.size(), r.tag());
                clusters.add(match);
            }
            match.runs.add(r);
            clusterOf.put(r, match);
        }
        clusters.forEach(NamedEntities::name);
        clusters.forEach(NamedEntities::vote);
        return new NamedEntities(List.copyOf(clusters), List.copyOf(runs), clusterOf);
    }

    public List<Cluster> clusters() {
        return clusters;
    }

    /** The runs inside or overlapping {@code span}, in text order. */
    public List<Run> runsIn(CharSpan span) {
        List<Run> out = new ArrayList<>();
        for (Run r : runs) {
            if (r.span().overlaps(span)) {
                out.add(r);
            }
        }
        return out;
    }

    public Cluster clusterOf(Run run) {
        return clusterOf.get(run);
    }

    /** The first ORGANIZATION run's name: the baseline for the primary victim. */
    public String firstOrganization() {
        for (Run r : runs) {
            if (r.tag().equals("ORGANIZATION")) {
                return r.text();
            }
        }
        return null;
    }

    private static List<Run> runs(String content, TokenTable t) {
        List<Run> out = new ArrayList<>();
        int i = 0;
        while (i < t.size()) {
            String tag = t.ner(i);
            if (!TAGS.contains(tag)) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < t.size() && t.ner(j).equals(tag) && t.sentence(j) == t.sentence(i)) {
                j++;
            }
            int next = j;
            if (tag.equals("ORGANIZATION")) {
                for (int k = i + 1; k < j - 1; k++) {
                    if ((t.pos(k).equals("IN") || t.pos(k).equals("TO")) && !t.word(k).equalsIgnoreCase("of")) {
                        j = k; // a headline run "Customer Data From Encrypted Phone Company": stop at the preposition,
                        next = k + 1; // and what follows it is a run of its own
                        break;
                    }
                }
            }
            int last = j;
            while (last > i && (t.pos(last - 1).equals("POS") || t.word(last - 1).matches("\\p{Punct}+"))) {
                last--;
            }
            if (last > i) {
                CharSpan span = new CharSpan(t.begin(i), t.end(last - 1));
                String text = span.textIn(content).replaceAll("\\s+", " ");
                String lower = text.toLowerCase(Locale.ROOT);
                if (!NameText.FUNCTION_WORDS.contains(lower) && !NameText.isPronounsOnly(text)) {
                    out.add(new Run(i, last, span, text, normaliseTag(tag)));
                }
            }
            i = next;
        }
        return out;
    }

    private static String normaliseTag(String tag) {
        return tag.equals("ORGANIZATION") || tag.equals("PERSON") ? tag : "LOCATION";
    }

    private static boolean sameEntity(Cluster c, Run r) {
        for (Run x : c.runs) {
            if (variants(x.text(), r.text())) {
                return true;
            }
        }
        return false;
    }

    /**
     * NER calls an unknown company a person as often as not ("Citycomp" PERSON, then ORGANIZATION): an entity
     * tagged ORGANIZATION anywhere is an organisation, and so is a PERSON only ever named by one word (news names
     * people by first and last name before using one; a one-word "person" in breach news is mostly a company);
     * otherwise its most frequent tag wins.
     */
    private static void vote(Cluster c) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        c.runs.forEach(r -> counts.merge(r.tag(), 1, Integer::sum));
        c.tag = counts.containsKey("ORGANIZATION") || (counts.containsKey("PERSON") && c.oneWordName()) ? "ORGANIZATION"
                : counts.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey();
    }

    /** The entity named by a capitalised head word ("provider Ciphr" -> Ciphr), the most often named one; or {@code null}. */
    public Cluster byHeadWord(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        Cluster best = null;
        for (Cluster c : clusters) {
            for (Run r : c.runs) {
                List<String> k = key(r.text());
                if (!k.isEmpty() && k.get(k.size() - 1).equals(w)) {
                    if (best == null || c.runs.size() > best.runs.size()) {
                        best = c;
                    }
                    break;
                }
            }
        }
        return best;
    }

    /** Whether two names are variants of one name (see the class comment). */
    static boolean variants(String a, String b) {
        List<String> x = key(a), y = key(b);
        if (x.isEmpty() || y.isEmpty()) {
            return false;
        }
        if (x.equals(y)) {
            return true;
        }
        if (isAcronymOf(a, b) || isAcronymOf(b, a)) {
            return true;
        }
        List<String> longer = x.size() >= y.size() ? x : y;
        List<String> shorter = longer == x ? y : x;
        // a name and its tail ("John Smith", "Smith"): the shorter is the end of the longer
        return longer.subList(longer.size() - shorter.size(), longer.size()).equals(shorter)
                && shorter.get(0).length() > 2;
    }

    /** Lower-case words without possessives, punctuation and corporate suffixes. */
    static List<String> key(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("['\u2019]s\\b", "").replaceAll("[\\p{Punct}\u2019]", " ").strip();
        List<String> words = new ArrayList<>(Arrays.asList(s.isEmpty() ? new String[0] : s.split("\\s+")));
        if (words.size() > 1 && words.get(0).equals("the")) {
            words.remove(0);
        }
        while (words.size() > 1 && SUFFIXES.contains(words.get(words.size() - 1))) {
            words.remove(words.size() - 1);
        }
        return words;
    }

    /**
     * "SMF" is the acronym of "Sutter Medical Foundation" (initials of its capitalised words); "CDOT" of "Colorado
     * Department of Transportation" (initials of every word, the lower-case ones too).
     */
    static boolean isAcronymOf(String acronym, String name) {
        String a = acronym.strip().replace(".", "");
        if (a.length() < 2 || a.length() > 8 || !a.equals(a.toUpperCase(Locale.ROOT)) || a.contains(" ")) {
            return false;
        }
        StringBuilder capitals = new StringBuilder(), every = new StringBuilder();
        for (String w : name.split("[\\s\\-]+")) {
            if (w.isEmpty() || !Character.isLetter(w.charAt(0))) {
                continue;
            }
            every.append(Character.toUpperCase(w.charAt(0)));
            if (Character.isUpperCase(w.charAt(0))) {
                capitals.append(w.charAt(0));
            }
        }
        return capitals.length() >= 2 && (capitals.toString().equals(a) || every.toString().equals(a));
    }

    /** The canonical name: a non-acronym variant before an acronym, then the most frequent, then the longest. */
    private static void name(Cluster c) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Run r : c.runs) {
            counts.merge(NameText.clean(r.text()), 1, Integer::sum);
        }
        String best = null;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (best == null || better(e.getKey(), e.getValue(), best, counts.get(best))) {
                best = e.getKey();
            }
        }
        c.name = best;
    }

    private static boolean better(String a, int countA, String b, int countB) {
        boolean acronymA = isAcronymLike(a), acronymB = isAcronymLike(b);
        if (acronymA != acronymB) {
            return !acronymA;
        }
        if (countA != countB) {
            return countA > countB;
        }
        return a.length() > b.length();
    }

    private static boolean isAcronymLike(String s) {
        return !s.contains(" ") && s.length() <= 6 && s.equals(s.toUpperCase(Locale.ROOT));
    }
}
