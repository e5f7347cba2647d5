package org.casie.coref;

import org.casie.text.PosTags;
import org.casie.corpus.ArgumentMention;
import org.casie.corpus.CharSpan;
import org.casie.corpus.EventMention;
import org.casie.corpus.Realis;
import org.casie.corpus.Role;
import org.casie.corpus.Subtype;
import org.casie.examples.PretrainedVectors;
import org.casie.examples.SpanAligner;
import org.casie.examples.TokenSpan;
import org.casie.text.TokenTable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Features of a mention pair (an antecedent and a later mention of the same subtype), all in [0, 1] except
 * the trigger cosine in [-1, 1]: subtype, trigger lemma / head / vector similarity, determiners, argument
 * overlap overall and per role (shared text, shared words, conflicting words), names in the two sentences,
 * sentence and mention distance, position, realis. Built the same way from gold and predicted mentions.
 * Only mentions of the same subtype are candidates: in the 700 training articles, 11 of 2,596 hoppers mix
 * subtypes.
 */
public final class MentionPairFeatures {

    /** The feature names, in vector order; a bundle stores them so a changed feature set is refused. */
    public static final List<String> NAMES;

    private static final Set<String> FUNCTION_POS = PosTags.union(PosTags.FUNCTION_WORDS, PosTags.PRONOUNS);
    private static final Set<String> STOP = Set.of("the", "a", "an", "this", "that", "these", "those", "such", "its",
            "their", "his", "her", "our", "your", "my", "of", "in", "on", "at", "to", "for", "by", "with", "from", "and",
            "or", "'s", "be", "have", "it", "they", "which", "who");
    private static final Set<String> DEFINITE = Set.of("the", "this", "that", "these", "those", "its", "their", "such",
            "same");
    private static final Set<String> INDEFINITE = Set.of("a", "an", "another", "new");
    private static final Set<String> DETERMINERS = union(DEFINITE, INDEFINITE);
    /** How far before a trigger its determiner is looked for, over modifiers ("a massive data breach"). */
    private static final int DETERMINER_REACH = 3;
    private static final Set<String> NAMED = Set.of("PERSON", "ORGANIZATION", "LOCATION", "MISC", "COUNTRY", "CITY",
            "STATE_OR_PROVINCE", "NATIONALITY");
    private static final Pattern CVE = Pattern.compile("(?i)cve-\\d{4}-\\d+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'._-]*");

    private static final int[] SENTENCE_DISTANCE = {0, 1, 2, 4, 8, 16};
    private static final int[] MENTIONS_BETWEEN = {0, 1, 2, 5, 10};
    private static final int[] ANTECEDENT_SENTENCE = {0, 2, 5};
    private static final int[] SUBTYPE_MENTIONS = {2, 4, 8, 16};
    private static final String[][] ROLE_NAMES = new String[Role.values().length][];

    static {
        for (Role r : Role.values()) {
            String p = "role." + r.label() + ".";
            ROLE_NAMES[r.ordinal()] = new String[] {p + "sharedText", p + "sharedWord", p + "conflict"};
        }
        List<String> names = new ArrayList<>();
        EventMention blank = new EventMention("E0", "T0", new CharSpan(0, 0), "", Subtype.Databreach, Realis.Actual,
                List.of(), null);
        CorefMention m = new CorefMention(0, blank, 0, List.of(), "", "", null, Map.of(), Map.of(), Set.of(), Set.of(),
                Set.of(), 0);
        emit(m, m, 2, (name, value) -> names.add(name));
        NAMES = List.copyOf(names);
    }

    private final PretrainedVectors vectors;

    public MentionPairFeatures(PretrainedVectors vectors) {
        this.vectors = vectors;
    }

    /** Whether a pair is scored at all: only mentions of one subtype can corefer. */
    public static boolean candidates(CorefMention antecedent, CorefMention anaphor) {
        return antecedent.subtype() == anaphor.subtype();
    }

    /** The document's mentions in text order (trigger start, then end; ties keep their given order), described. */
    public List<CorefMention> describe(List<EventMention> mentions, TokenTable tokens) {
        List<EventMention> sorted = new ArrayList<>(mentions);
        sorted.sort(Comparator.comparing(EventMention::trigger));
        Map<Subtype, Integer> seen = new EnumMap<>(Subtype.class);
        List<CorefMention> out = new ArrayList<>(sorted.size());
        for (EventMention m : sorted) {
            int rank = seen.merge(m.subtype(), 1, Integer::sum) - 1;
            out.add(describe(out.size(), m, tokens, rank));
        }
        return out;
    }

    private CorefMention describe(int index, EventMention m, TokenTable tokens, int rank) {
        Optional<TokenSpan> span = SpanAligner.toTokens(tokens, m.trigger()).map(SpanAligner.Alignment::tokens);
        List<String> words = contentLemmas(tokens, m.trigger(), m.text());
        String head;
        String first;
        float[] vector = null;
        int sentence;
        Set<String> names = new LinkedHashSet<>();
        if (span.isPresent()) {
            TokenSpan s = span.get();
            int h = s.end() - 1;
            for (int i = s.end() - 1; i >= s.begin(); i--) {
                if (tokens.head(i) < s.begin() || tokens.head(i) >= s.end()) {
                    h = i;
                    break;
                }
            }
            head = lower(tokens.lemma(h));
            first = determiner(tokens, s);
            vector = meanVector(tokens, s);
            sentence = tokens.sentence(s.begin());
            for (int i = tokens.sentenceBegin(sentence); i < tokens.sentenceEnd(sentence); i++) {
                if ((i < s.begin() || i >= s.end()) && isName(tokens, i)) {
                    names.add(lower(tokens.word(i)));
                }
            }
        } else {
            List<String> raw = regexWords(m.text());
            head = words.isEmpty() ? "" : words.get(words.size() - 1);
            first = raw.isEmpty() || !DETERMINERS.contains(raw.get(0)) ? "" : raw.get(0);
            int t = Math.min(tokens.tokenAtOrAfter(m.trigger().begin()), tokens.size() - 1);
            sentence = t < 0 ? 0 : tokens.sentence(t);
        }
        if (words.isEmpty()) {
            words = span.isPresent() ? allLemmas(tokens, span.get()) : regexWords(m.text());
        }
        Map<Role, Set<String>> roleTexts = new EnumMap<>(Role.class);
        Map<Role, Set<String>> roleWords = new EnumMap<>(Role.class);
        Set<String> texts = new HashSet<>();
        Set<String> allWords = new HashSet<>();
        for (ArgumentMention a : m.arguments()) {
            List<String> w = contentLemmas(tokens, a.span(), a.text());
            if (w.isEmpty()) {
                continue;
            }
            String text = String.join(" ", w);
            roleTexts.computeIfAbsent(a.role(), r -> new HashSet<>()).add(text);
            roleWords.computeIfAbsent(a.role(), r -> new HashSet<>()).addAll(w);
            texts.add(text);
            allWords.addAll(w);
        }
        return new CorefMention(index, m, sentence, List.copyOf(words), head, first, vector, roleTexts, roleWords, texts,
                allWords, names, rank);
    }

    /** Every candidate pair of a document's described mentions, with its features. */
    public MentionPairs pairs(List<CorefMention> mentions) {
        Map<Subtype, Integer> perSubtype = new EnumMap<>(Subtype.class);
        mentions.forEach(m -> perSubtype.merge(m.subtype(), 1, Integer::sum));
        List<int[]> pairs = new ArrayList<>();
        for (int j = 0; j < mentions.size(); j++) {
            for (int i = 0; i < j; i++) {
                if (candidates(mentions.get(i), mentions.get(j))) {
                    pairs.add(new int[] {i, j});
                }
            }
        }
        int[] antecedents = new int[pairs.size()];
        int[] anaphors = new int[pairs.size()];
        float[][] features = new float[pairs.size()][];
        for (int p = 0; p < pairs.size(); p++) {
            CorefMention a = mentions.get(pairs.get(p)[0]);
            CorefMention b = mentions.get(pairs.get(p)[1]);
            antecedents[p] = a.index();
            anaphors[p] = b.index();
            features[p] = features(a, b, perSubtype.get(b.subtype()));
        }
        return new MentionPairs(mentions, antecedents, anaphors, features);
    }

    /** The feature vector of one pair; {@code subtypeMentions} is the document's number of mentions of their subtype. */
    public static float[] features(CorefMention antecedent, CorefMention anaphor, int subtypeMentions) {
        float[] v = new float[NAMES.size()];
        int[] next = {0};
        emit(antecedent, anaphor, subtypeMentions, (name, value) -> v[next[0]++] = (float) value);
        return v;
    }

    /** The same vector as a map from feature name to value (for reports and tests). */
    public static Map<String, Double> named(CorefMention antecedent, CorefMention anaphor, int subtypeMentions) {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        emit(antecedent, anaphor, subtypeMentions, out::put);
        return out;
    }

    private interface Sink {
        void add(String name, double value);
    }

    private static void emit(CorefMention a, CorefMention b, int subtypeMentions, Sink out) {
        for (Subtype s : Subtype.values()) {
            out.add("subtype=" + s.name(), flag(b.subtype() == s));
        }
        out.add("trigger.sameWords", flag(!a.triggerWords().isEmpty() && a.triggerWords().equals(b.triggerWords())));
        out.add("trigger.sameHead", flag(!a.head().isEmpty() && a.head().equals(b.head())));
        out.add("trigger.wordJaccard", jaccard(new HashSet<>(a.triggerWords()), new HashSet<>(b.triggerWords())));
        boolean vectors = a.triggerVector() != null && b.triggerVector() != null;
        out.add("trigger.cosine", vectors ? cosine(a.triggerVector(), b.triggerVector()) : 0);
        out.add("trigger.noVector", flag(!vectors));
        out.add("antecedent.definite", flag(DEFINITE.contains(a.determiner())));
        out.add("antecedent.indefinite", flag(INDEFINITE.contains(a.determiner())));
        out.add("anaphor.definite", flag(DEFINITE.contains(b.determiner())));
        out.add("anaphor.indefinite", flag(INDEFINITE.contains(b.determiner())));

        out.add("arguments.sharedText", flag(intersects(a.argumentTexts(), b.argumentTexts())));
        out.add("arguments.wordJaccard", jaccard(a.argumentWords(), b.argumentWords()));
        out.add("arguments.antecedentNone", flag(a.argumentTexts().isEmpty()));
        out.add("arguments.anaphorNone", flag(b.argumentTexts().isEmpty()));
        for (Role r : Role.values()) {
            Set<String> wa = a.roleWords().get(r), wb = b.roleWords().get(r);
            boolean both = wa != null && wb != null;
            boolean sharedWord = both && intersects(wa, wb);
            String[] names = ROLE_NAMES[r.ordinal()];
            out.add(names[0], flag(both && intersects(a.roleTexts().get(r), b.roleTexts().get(r))));
            out.add(names[1], flag(sharedWord));
            out.add(names[2], flag(both && !sharedWord));
        }

        boolean namesShared = intersects(a.sentenceNames(), b.sentenceNames());
        out.add("names.jaccard", jaccard(a.sentenceNames(), b.sentenceNames()));
        out.add("names.shared", flag(namesShared));
        out.add("names.conflict", flag(!a.sentenceNames().isEmpty() && !b.sentenceNames().isEmpty() && !namesShared));

        bucket(out, "sentenceDistance", b.sentence() - a.sentence(), SENTENCE_DISTANCE);
        bucket(out, "mentionsBetween", b.rankInSubtype() - a.rankInSubtype() - 1, MENTIONS_BETWEEN);
        out.add("antecedent.firstOfSubtype", flag(a.rankInSubtype() == 0));
        bucket(out, "antecedent.sentence", a.sentence(), ANTECEDENT_SENTENCE);
        bucket(out, "subtypeMentions", subtypeMentions, SUBTYPE_MENTIONS);
        for (Realis ra : Realis.values()) {
            for (Realis rb : Realis.values()) {
                out.add("realis=" + ra.name() + "/" + rb.name(), flag(a.mention().realis() == ra && b.mention().realis() == rb));
            }
        }
        out.add("realis.same", flag(a.mention().realis() == b.mention().realis()));
    }

    /** One-hot over ranges: {@code =v} for each bound up to the first, then {@code =lo-hi}, then {@code =last+}. */
    private static void bucket(Sink out, String name, int value, int[] bounds) {
        int low = Integer.MIN_VALUE;
        boolean done = false;
        for (int k = 0; k < bounds.length; k++) {
            int lo = k == 0 ? bounds[0] : bounds[k - 1] + 1;
            String label = k == 0 ? "<=" + bounds[0] : lo == bounds[k] ? String.valueOf(lo) : lo + "-" + bounds[k];
            boolean hit = !done && value <= bounds[k] && value > low;
            out.add(name + "=" + label, flag(hit));
            done |= hit;
            low = bounds[k];
        }
        out.add(name + "=" + (bounds[bounds.length - 1] + 1) + "+", flag(!done));
    }

    private static double flag(boolean b) {
        return b ? 1 : 0;
    }

    private static boolean intersects(Set<String> a, Set<String> b) {
        if (a == null || b == null) {
            return false;
        }
        for (String s : a) {
            if (b.contains(s)) {
                return true;
            }
        }
        return false;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 0;
        }
        int shared = 0;
        for (String s : a) {
            if (b.contains(s)) {
                shared++;
            }
        }
        return shared / (double) (a.size() + b.size() - shared);
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    private float[] meanVector(TokenTable tokens, TokenSpan span) {
        float[] sum = null;
        int n = 0;
        for (int i = span.begin(); i < span.end(); i++) {
            if (isContent(tokens, i) && vectors.contains(tokens.word(i))) {
                float[] v = vectors.get(tokens.word(i));
                if (sum == null) {
                    sum = new float[v.length];
                }
                for (int k = 0; k < v.length; k++) {
                    sum[k] += v[k];
                }
                n++;
            }
        }
        if (sum != null) {
            for (int k = 0; k < sum.length; k++) {
                sum[k] /= n;
            }
        }
        return sum;
    }

    /** Content lemmas of the tokens covering {@code span}; of {@code text} by a word pattern when no token does. */
    static List<String> contentLemmas(TokenTable tokens, CharSpan span, String text) {
        Optional<SpanAligner.Alignment> a = SpanAligner.toTokens(tokens, span);
        if (a.isEmpty()) {
            return regexWords(text).stream().filter(w -> !STOP.contains(w)).toList();
        }
        List<String> out = new ArrayList<>();
        for (int i = a.get().tokens().begin(); i < a.get().tokens().end(); i++) {
            if (isContent(tokens, i)) {
                out.add(lower(tokens.lemma(i)));
            }
        }
        return out;
    }

    /**
     * The trigger's determiner: its first word when that is one ("the breach"), else the nearest one among
     * the few adjectives, nouns and numbers just before it in its sentence ("a [data breach]"); "" if none.
     */
    private static String determiner(TokenTable tokens, TokenSpan span) {
        String first = lower(tokens.word(span.begin()));
        if (DETERMINERS.contains(first)) {
            return first;
        }
        int sentenceBegin = tokens.sentenceBegin(tokens.sentence(span.begin()));
        for (int i = span.begin() - 1; i >= Math.max(sentenceBegin, span.begin() - DETERMINER_REACH); i--) {
            String w = lower(tokens.word(i));
            if (DETERMINERS.contains(w)) {
                return w;
            }
            String pos = tokens.pos(i);
            if (!(pos.startsWith("JJ") || pos.startsWith("NN") || pos.equals("CD") || pos.equals("VBN") || pos.equals("HYPH"))) {
                break;
            }
        }
        return "";
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new HashSet<>(a);
        u.addAll(b);
        return Set.copyOf(u);
    }

    private static List<String> allLemmas(TokenTable tokens, TokenSpan span) {
        List<String> out = new ArrayList<>();
        for (int i = span.begin(); i < span.end(); i++) {
            out.add(lower(tokens.lemma(i)));
        }
        return out;
    }

    private static boolean isContent(TokenTable tokens, int i) {
        String word = tokens.word(i);
        return WORD.matcher(word).lookingAt() && !FUNCTION_POS.contains(tokens.pos(i))
                && !STOP.contains(lower(tokens.lemma(i)));
    }

    private static boolean isName(TokenTable tokens, int i) {
        String word = tokens.word(i);
        if (!WORD.matcher(word).lookingAt() || STOP.contains(lower(word))) {
            return false;
        }
        return tokens.pos(i).startsWith("NNP") || NAMED.contains(tokens.ner(i)) || CVE.matcher(word).matches();
    }

    private static List<String> regexWords(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            out.add(lower(m.group()));
        }
        return out;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
