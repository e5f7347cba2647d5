package org.casie.incident;

import org.casie.corpus.CharSpan;
import org.casie.text.TokenTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The article's named organisations, people and places (CoreNLP NER runs), with name variants merged into one
 * entity each: case and possessives ("CityComp", "Citycomp's"), an acronym and its expansion ("SMF", "Sutter
 * Medical Foundation"), a name and its tail ("Smith", "John Smith"; not after "of": "Bank of America" is not
 * America), corporate suffixes ("Acme", "Acme Inc.").
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
        private int[] runEnds;

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

        /** The begin of this entity's last mention that ends at or before {@code offset}, or -1. */
        public int lastMentionBefore(int offset) {
            int i = lastEndingAtOrBefore(runEnds, offset);
            return i < 0 ? -1 : runs.get(i).span().begin();
        }

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

    private final VariantIndex index;
    private final Map<String, Optional<Cluster>> byHeadWord = new HashMap<>();
    private Map<String, List<Cluster>> byNameWord;
    /** Per entity tag, the mention groups of its entities (built on first use). */
    private final Map<String, List<MentionGroup>> groupsByTag = new HashMap<>();
    private final int[] runEnds;
    private final List<Cluster> organizationsByMentions;
    private final List<Run> personRuns;
    private final int[] personRunEnds;

    private NamedEntities(List<Cluster> clusters, List<Run> runs, Map<Run, Cluster> clusterOf, VariantIndex index) {
        this.clusters = clusters;
        this.runs = runs;
        this.clusterOf = clusterOf;
        this.index = index;
        this.runEnds = ends(runs);
        this.organizationsByMentions = clusters.stream().filter(Cluster::isOrganization)
                .sorted(Comparator.comparingInt((Cluster c) -> -c.runs.size()).thenComparingInt(Cluster::id)).toList();
        this.personRuns = runs.stream().filter(r -> clusterOf.get(r).isPerson()).toList();
        this.personRunEnds = ends(personRuns);
    }

    private static int[] ends(List<Run> runs) {
        return runs.stream().mapToInt(r -> r.span().end()).toArray();
    }

    /** The index of the last of the sorted {@code ends} that is at most {@code offset}, or -1. */
    private static int lastEndingAtOrBefore(int[] ends, int offset) {
        int lo = 0, hi = ends.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ends[mid] <= offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }

    /**
     * The most often named organisation with a mention ending at or before {@code offset}, not excluded; among equals,
     * the one named last before it; or {@code null}. Organisations named equally often form a group whose mentions
     * are searched together, so a query costs a binary search per group, not a look at every organisation.
     */
    public Cluster mostNamedOrganizationBefore(int offset, Set<Cluster> exclude) {
        return mostNamedBefore("ORGANIZATION", offset, exclude);
    }

    /** As {@link #mostNamedOrganizationBefore}, for places ("the city" after "Atlanta"). */
    public Cluster mostNamedPlaceBefore(int offset, Set<Cluster> exclude) {
        return mostNamedBefore("LOCATION", offset, exclude);
    }

    private Cluster mostNamedBefore(String tag, int offset, Set<Cluster> exclude) {
        for (MentionGroup g : groups(tag)) {
            int i = lastEndingAtOrBefore(g.ends, offset);
            while (i >= 0 && exclude.contains(g.owners.get(i))) {
                i--;
            }
            if (i >= 0) {
                return g.owners.get(i);
            }
        }
        return null;
    }

    /** The mentions of the entities named a given number of times, in text order, with their entity. */
    private record MentionGroup(int[] ends, List<Cluster> owners) {
    }

    private List<MentionGroup> groups(String tag) {
        return groupsByTag.computeIfAbsent(tag, k -> {
            // one pass over the mentions, bucketed by how often their entity is named, most named first
            Map<Integer, List<Run>> byCount = new TreeMap<>(Comparator.reverseOrder());
            for (Run r : runs) {
                Cluster c = clusterOf.get(r);
                if (c.tag().equals(tag)) {
                    byCount.computeIfAbsent(c.runs.size(), n -> new ArrayList<>()).add(r);
                }
            }
            return byCount.values().stream()
                    .map(g -> new MentionGroup(ends(g), g.stream().map(clusterOf::get).toList())).toList();
        });
    }

    /** The organisations, most often named first (ties: in order of first mention). */
    public List<Cluster> organizationsByMentions() {
        return organizationsByMentions;
    }

    /** The person entity named last before {@code offset} (its mention ends at or before it), or {@code null}. */
    public Cluster lastPersonBefore(int offset) {
        int i = lastEndingAtOrBefore(personRunEnds, offset);
        return i < 0 ? null : clusterOf.get(personRuns.get(i));
    }

    public static NamedEntities of(String content, TokenTable tokens) {
        List<Run> runs = runs(content, tokens);
        List<Cluster> clusters = new ArrayList<>();
        Map<Run, Cluster> clusterOf = new LinkedHashMap<>();
        VariantIndex index = new VariantIndex();
        for (Run r : runs) {
            Cluster match = index.firstClusterWithVariantOf(r.text(), clusters);
            if (match == null) {
                match = new Cluster(clusters.size(), r.tag());
                clusters.add(match);
            }
            match.runs.add(r);
            clusterOf.put(r, match);
            index.add(r.text(), match);
        }
        clusters.forEach(NamedEntities::name);
        clusters.forEach(NamedEntities::vote);
        clusters.forEach(c -> c.runEnds = ends(c.runs));
        return new NamedEntities(List.copyOf(clusters), List.copyOf(runs), clusterOf, index);
    }

    /**
     * Finds, for a new name, the first cluster holding a variant of it without comparing it with every name so far
     * (a 10 MB article has hundreds of thousands of NER runs). Every pair that {@link #variants} accepts has one key
     * ending the other (equal keys, or a name and its tail) or an acronym key (the acronym's letters, the name's
     * capitals or initials), so only the clusters indexed under those keys are candidates; each is checked with
     * {@link #variants} on its distinct names. Keys are computed once per distinct name.
     */
    private static final class VariantIndex {
        private final Map<String, List<String>> keys = new HashMap<>();
        private final Map<List<String>, TreeSet<Integer>> byKey = new HashMap<>();
        private final Map<List<String>, TreeSet<Integer>> byKeySuffix = new HashMap<>();
        private final Map<String, TreeSet<Integer>> byAcronym = new HashMap<>();
        private final Map<String, TreeSet<Integer>> byInitials = new HashMap<>();
        private final Map<Integer, Set<String>> names = new HashMap<>();

        List<String> key(String name) {
            return keys.computeIfAbsent(name, NamedEntities::key);
        }

        void add(String name, Cluster c) {
            if (!names.computeIfAbsent(c.id(), k -> new LinkedHashSet<>()).add(name)) {
                return;
            }
            List<String> k = key(name);
            if (!k.isEmpty()) {
                byKey.computeIfAbsent(k, x -> new TreeSet<>()).add(c.id());
                for (int i = 0; i < k.size(); i++) {
                    byKeySuffix.computeIfAbsent(k.subList(i, k.size()), x -> new TreeSet<>()).add(c.id());
                }
            }
            String acronym = acronymLetters(name);
            if (acronym != null) {
                byAcronym.computeIfAbsent(acronym, x -> new TreeSet<>()).add(c.id());
            }
            for (String initials : initials(name)) {
                byInitials.computeIfAbsent(initials, x -> new TreeSet<>()).add(c.id());
            }
        }

        Cluster firstClusterWithVariantOf(String name, List<Cluster> clusters) {
            List<String> k = key(name);
            if (k.isEmpty()) {
                return null;
            }
            List<TreeSet<Integer>> sources = new ArrayList<>();
            sources.add(byKeySuffix.get(k)); // names this one is the tail of (or equal to)
            for (int i = 1; i < k.size(); i++) {
                sources.add(byKey.get(k.subList(i, k.size()))); // names that are its tail
            }
            String acronym = acronymLetters(name);
            if (acronym != null) {
                sources.add(byInitials.get(acronym));
            }
            for (String initials : initials(name)) {
                sources.add(byAcronym.get(initials));
            }
            // the first cluster of each source that holds a variant; the smallest of those is the first overall
            int first = Integer.MAX_VALUE;
            for (TreeSet<Integer> source : sources) {
                if (source == null) {
                    continue;
                }
                for (int id : source) {
                    if (id >= first) {
                        break;
                    }
                    if (holdsVariant(id, name, k)) {
                        first = id;
                        break;
                    }
                }
            }
            return first == Integer.MAX_VALUE ? null : clusters.get(first);
        }

        private boolean holdsVariant(int cluster, String name, List<String> key) {
            for (String other : names.get(cluster)) {
                if (variants(other, name, key(other), key)) {
                    return true;
                }
            }
            return false;
        }

        /** The clusters with a name whose last key word is {@code word}, in id order. */
        Set<Integer> byLastWord(String word) {
            return byKeySuffix.getOrDefault(List.of(word), new TreeSet<>());
        }
    }

    public List<Cluster> clusters() {
        return clusters;
    }

    /** The runs inside or overlapping {@code span}, in text order. */
    public List<Run> runsIn(CharSpan span) {
        List<Run> out = new ArrayList<>();
        // runs are disjoint and in text order, so their ends are sorted: start at the first that ends after the span's begin
        for (int i = firstEndingAfter(span.begin()); i < runs.size() && runs.get(i).span().begin() < span.end(); i++) {
            if (runs.get(i).span().overlaps(span)) {
                out.add(runs.get(i));
            }
        }
        return out;
    }

    /** The index of the first run that ends after {@code offset} (or the number of runs). */
    private int firstEndingAfter(int offset) {
        return lastEndingAtOrBefore(runEnds, offset) + 1;
    }

    /** The entities with {@code word} (lower case) among the words of a name, in id order; built on first use. */
    public List<Cluster> byNameWord(String word) {
        if (byNameWord == null) {
            byNameWord = new HashMap<>();
            for (Cluster c : clusters) {
                for (Run r : c.runs) {
                    for (String w : index.key(r.text())) {
                        List<Cluster> list = byNameWord.computeIfAbsent(w, k -> new ArrayList<>());
                        if (list.isEmpty() || list.get(list.size() - 1) != c) {
                            list.add(c);
                        }
                    }
                }
            }
        }
        return byNameWord.getOrDefault(word, List.of());
    }

    /** The runs of the article in text order. */
    public List<Run> runs() {
        return runs;
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
        Map<String, Integer> wordCounts = null;
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
            if (tag.equals("ORGANIZATION") && last - i >= 2 && SYSTEM_NOUNS.contains(t.word(last - 1).toLowerCase(Locale.ROOT))) {
                if (wordCounts == null) {
                    wordCounts = wordCounts(t);
                }
                boolean again = true;
                for (int k = i; k < last - 1; k++) {
                    again &= wordCounts.getOrDefault(t.word(k), 0) >= 2;
                }
                if (again) {
                    last--; // "a Wishbone API": the organisation is Wishbone, whose name the article writes again
                }
            }
            if (tag.equals("ORGANIZATION") && last == j && j < t.size() && JOB_TITLES.contains(t.word(j).toLowerCase(Locale.ROOT))) {
                // "Cloquet School District Technology Director T.J. Smith": NER takes the job's field into the
                // organisation's name; the organisation ends before it.
                while (last - 1 > i && JOB_FIELDS.contains(t.word(last - 1).toLowerCase(Locale.ROOT))) {
                    last--;
                }
            }
            if (last > i) {
                CharSpan span = new CharSpan(t.begin(i), t.end(last - 1));
                String text = span.textIn(content).replaceAll("\\s+", " ");
                String lower = text.toLowerCase(Locale.ROOT);
                if (!NameText.FUNCTION_WORDS.contains(lower) && !NameText.isPronounsOnly(text)
                        && !CURRENCIES.contains(lower)) {
                    out.add(new Run(i, last, span, text, normaliseTag(tag)));
                }
            }
            i = next;
        }
        return out;
    }

    /** Systems a party is sometimes named by ("Wishbone API", "Ciphr servers"). */
    static final Set<String> SYSTEM_NOUNS = Set.of("api", "apis", "app", "apps", "application", "server", "servers",
            "website", "websites", "database", "databases", "system", "systems", "network", "networks", "platform",
            "portal", "computers", "emails");

    /** How often each word (as written: case counts) stands in the text. */
    private static Map<String, Integer> wordCounts(TokenTable t) {
        Map<String, Integer> counts = new HashMap<>();
        for (int k = 0; k < t.size(); k++) {
            counts.merge(t.word(k), 1, Integer::sum);
        }
        return counts;
    }

    /** Job titles that may follow an organisation's name with the job's field between ("Technology Director"). */
    static final Set<String> JOB_TITLES = Set.of("director", "officer", "manager", "coordinator", "supervisor",
            "administrator", "chief", "head", "specialist", "lead", "superintendent");
    static final Set<String> JOB_FIELDS = Set.of("technology", "technologies", "it", "information", "security",
            "communications", "communication", "operations", "finance", "marketing", "media", "network", "systems",
            "technical", "computer", "data", "privacy", "compliance");

    /**
     * Cryptocurrencies, which NER tags as organisations or places ("$51,000 in Bitcoin"): in ransom news they are
     * what is demanded, never a party.
     */
    static final Set<String> CURRENCIES = Set.of("bitcoin", "bitcoins", "btc", "monero", "xmr", "ethereum", "ether",
            "litecoin", "zcash", "dash", "ripple");

    private static String normaliseTag(String tag) {
        return tag.equals("ORGANIZATION") || tag.equals("PERSON") ? tag : "LOCATION";
    }

    /**
     * NER calls an unknown company a person as often as not ("Citycomp" PERSON, then ORGANIZATION): an entity
     * tagged ORGANIZATION anywhere is an organisation, and so is a PERSON only ever named by one word (news names
     * people by first and last name before using one; a one-word "person" in breach news is mostly a company);
     * otherwise its most frequent tag wins.
     */
    private static void vote(Cluster c) {
        if (introducedAsPerson(c)) {
            c.tag = "PERSON";
            return;
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        c.runs.forEach(r -> counts.merge(r.tag(), 1, Integer::sum));
        c.tag = counts.containsKey("ORGANIZATION") || (counts.containsKey("PERSON") && c.oneWordName()) ? "ORGANIZATION"
                : counts.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey();
    }

    /**
     * News introduces a person by first and last name, then writes the surname alone, which NER often calls an
     * organisation ("Chief Operating Officer Richard Cox ... Cox said"): an entity first named by a PERSON run of two
     * or more words, and otherwise only by that run's last word, is that person.
     */
    private static boolean introducedAsPerson(Cluster c) {
        Run first = c.runs.get(0);
        if (!first.tag().equals("PERSON") || first.last() - first.first() < 2) {
            return false;
        }
        String[] words = first.text().split(" ");
        String surname = words[words.length - 1];
        return c.runs.stream().allMatch(r -> r.text().equals(first.text()) || r.text().equals(surname));
    }

    /** The entity named by a capitalised head word ("provider Ciphr" -> Ciphr), the most often named one; or {@code null}. */
    public Cluster byHeadWord(String word) {
        return byHeadWord.computeIfAbsent(word.toLowerCase(Locale.ROOT), w -> {
            Cluster best = null;
            for (int id : index.byLastWord(w)) {
                Cluster c = clusters.get(id);
                if (best == null || c.runs.size() > best.runs.size()) {
                    best = c;
                }
            }
            return Optional.ofNullable(best);
        }).orElse(null);
    }

    /** Whether two names are variants of one name (see the class comment). */
    static boolean variants(String a, String b) {
        return variants(a, b, key(a), key(b));
    }

    private static boolean variants(String a, String b, List<String> x, List<String> y) {
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
        // a name and its tail ("John Smith", "Smith"): the shorter is the end of the longer; not a tail after "of"
        // ("Academy of Medicine Malaysia" is not Malaysia, "Bank of America" not America)
        int tail = longer.size() - shorter.size();
        return longer.subList(tail, longer.size()).equals(shorter) && shorter.get(0).length() > 2
                && !longer.subList(0, tail).contains("of");
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
        String a = acronymLetters(acronym);
        return a != null && initials(name).contains(a);
    }

    /** An acronym's letters without dots ("S.M.F." gives SMF), or {@code null} when it does not look like one. */
    private static String acronymLetters(String text) {
        String a = text.strip().replace(".", "");
        return a.length() < 2 || a.length() > 8 || !a.equals(a.toUpperCase(Locale.ROOT)) || a.contains(" ") ? null : a;
    }

    /** The acronyms a name can have: initials of its capitalised words, and of every word; none for fewer than two capitals. */
    private static List<String> initials(String name) {
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
        return capitals.length() < 2 ? List.of() : List.of(capitals.toString(), every.toString());
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
