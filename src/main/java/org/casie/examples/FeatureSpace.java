package org.casie.examples;

import org.casie.text.TokenTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The token features every classifier reads, with their vocabularies frozen from the training split.
 * This is the one path from a {@link TokenTable} to model input, used by training and tagging alike.
 *
 * <p>Per token: a learned word embedding (frequent training words), learned 3-character prefix and
 * suffix embeddings (the character-level signal for rare and unseen words such as malware names), and a
 * dense part: the frozen pretrained vector, shape flags, the trigger lexicon's rates, one-hot POS, NER
 * and dependency relation, and (when the settings ask for them) vectors learnt from the training text.
 */
public final class FeatureSpace {

    static final int SHAPE_FLAGS = 10;

    private final Vocabulary words;
    private final Vocabulary prefixes;
    private final Vocabulary suffixes;
    private final Vocabulary pos;
    private final Vocabulary ner;
    private final Vocabulary relations;
    private final PretrainedVectors pretrained;
    private final TriggerLexicon lexicon;
    private final FeatureMask mask;
    private final DomainVectors domain;

    public FeatureSpace(Vocabulary words, Vocabulary prefixes, Vocabulary suffixes, Vocabulary pos, Vocabulary ner,
                        Vocabulary relations, PretrainedVectors pretrained, TriggerLexicon lexicon) {
        this(words, prefixes, suffixes, pos, ner, relations, pretrained, lexicon, FeatureMask.NONE, DomainVectors.NONE);
    }

    private FeatureSpace(Vocabulary words, Vocabulary prefixes, Vocabulary suffixes, Vocabulary pos, Vocabulary ner,
                         Vocabulary relations, PretrainedVectors pretrained, TriggerLexicon lexicon, FeatureMask mask,
                         DomainVectors domain) {
        this.words = words;
        this.prefixes = prefixes;
        this.suffixes = suffixes;
        this.pos = pos;
        this.ner = ner;
        this.relations = relations;
        this.pretrained = pretrained;
        this.lexicon = lexicon;
        this.mask = mask;
        this.domain = domain;
    }

    /** The same features with another trigger lexicon (the jackknifed ones used for training examples). */
    public FeatureSpace withLexicon(TriggerLexicon other) {
        return new FeatureSpace(words, prefixes, suffixes, pos, ner, relations, pretrained, other, mask, domain);
    }

    /** The same features with some groups left out (always zero). */
    public FeatureSpace withMask(FeatureMask newMask) {
        return new FeatureSpace(words, prefixes, suffixes, pos, ner, relations, pretrained, lexicon, newMask, domain);
    }

    /** The same features with vectors learnt from the training text appended to each token's dense part. */
    public FeatureSpace withDomainVectors(DomainVectors vectors) {
        return new FeatureSpace(words, prefixes, suffixes, pos, ner, relations, pretrained, lexicon, mask, vectors);
    }

    public DomainVectors domainVectors() {
        return domain;
    }

    public FeatureMask mask() {
        return mask;
    }

    public TriggerLexicon lexicon() {
        return lexicon;
    }

    /** Builds the vocabularies from training token tables. */
    public static FeatureSpace build(List<TokenTable> training, int minWordCount, PretrainedVectors pretrained,
                                     TriggerLexicon lexicon) {
        Map<String, Integer> w = new HashMap<>(), p = new HashMap<>(), s = new HashMap<>(), t = new HashMap<>(),
                n = new HashMap<>(), r = new HashMap<>();
        for (TokenTable table : training) {
            for (int i = 0; i < table.size(); i++) {
                String word = table.word(i);
                w.merge(wordKey(word), 1, Integer::sum);
                p.merge(prefix(word), 1, Integer::sum);
                s.merge(suffix(word), 1, Integer::sum);
                t.merge(table.pos(i), 1, Integer::sum);
                n.merge(table.ner(i), 1, Integer::sum);
                r.merge(relationKey(table.relation(i)), 1, Integer::sum);
            }
        }
        return new FeatureSpace(Vocabulary.fromCounts(w, minWordCount), Vocabulary.fromCounts(p, 2),
                Vocabulary.fromCounts(s, 2), Vocabulary.fromCounts(t, 1), Vocabulary.fromCounts(n, 1),
                Vocabulary.fromCounts(r, 2), pretrained, lexicon);
    }

    static String wordKey(String word) {
        return PretrainedVectors.normalise(word);
    }

    static String prefix(String word) {
        String k = wordKey(word);
        return k.length() <= 3 ? k : k.substring(0, 3);
    }

    static String suffix(String word) {
        String k = wordKey(word);
        return k.length() <= 3 ? k : k.substring(k.length() - 3);
    }

    /** Enhanced relations such as {@code nmod:poss} keep their base name, which carries most of the signal. */
    static String relationKey(String relation) {
        int colon = relation.indexOf(':');
        return colon > 0 ? relation.substring(0, colon) : relation;
    }

    public Vocabulary words() { return words; }
    public Vocabulary prefixes() { return prefixes; }
    public Vocabulary suffixes() { return suffixes; }
    public Vocabulary pos() { return pos; }
    public Vocabulary ner() { return ner; }
    public Vocabulary relations() { return relations; }

    public int denseSize() {
        return pretrained.dimension() + SHAPE_FLAGS + TriggerLexicon.FEATURES + pos.size() + ner.size() + relations.size()
                + domain.dimension();
    }

    /**
     * Features of tokens {@code [from, to)}, with {@code extra} zeroed columns appended to each dense
     * vector for the caller's task-specific features.
     */
    public SequenceFeatures encode(AnnotatedText text, int from, int to, int extra) {
        TokenTable table = text.tokens();
        int n = to - from;
        int[] w = new int[n], p = new int[n], s = new int[n];
        float[][] dense = new float[n][denseSize() + extra];
        int dim = pretrained.dimension();
        int lexiconAt = dim + SHAPE_FLAGS;
        int posAt = lexiconAt + TriggerLexicon.FEATURES, nerAt = posAt + pos.size(), relAt = nerAt + ner.size();
        int domainAt = relAt + relations.size(), domainDim = domain.dimension();
        boolean useWords = mask.uses(FeatureGroup.WORDS), useAffixes = mask.uses(FeatureGroup.AFFIXES),
                usePretrained = mask.uses(FeatureGroup.PRETRAINED), useShape = mask.uses(FeatureGroup.SHAPE),
                useLexicon = mask.uses(FeatureGroup.LEXICON), usePos = mask.uses(FeatureGroup.POS),
                useNer = mask.uses(FeatureGroup.NER), useDependency = mask.uses(FeatureGroup.DEPENDENCY);
        for (int t = 0; t < n; t++) {
            int i = from + t;
            String word = table.word(i);
            // A left-out embedding reads index 0 (padding) for every token: a constant that carries no information.
            w[t] = useWords ? words.indexOf(wordKey(word)) : 0;
            p[t] = useAffixes ? prefixes.indexOf(prefix(word)) : 0;
            s[t] = useAffixes ? suffixes.indexOf(suffix(word)) : 0;
            float[] d = dense[t];
            if (usePretrained) System.arraycopy(pretrained.get(word), 0, d, 0, dim);
            if (useShape) shape(word, i == table.sentenceBegin(table.sentence(i)), d, dim);
            if (useLexicon) lexicon.features(table, i, d, lexiconAt);
            if (usePos) d[posAt + pos.indexOf(table.pos(i))] = 1;
            if (useNer) d[nerAt + ner.indexOf(table.ner(i))] = 1;
            if (useDependency) d[relAt + relations.indexOf(relationKey(table.relation(i)))] = 1;
            if (domainDim > 0) System.arraycopy(domain.get(word), 0, d, domainAt, domainDim);
        }
        return new SequenceFeatures(w, p, s, dense, text.context(), from);
    }

    private static void shape(String word, boolean sentenceStart, float[] d, int at) {
        boolean upper = false, lower = false, digit = false, other = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isUpperCase(c)) upper = true;
            else if (Character.isLowerCase(c)) lower = true;
            else if (Character.isDigit(c)) digit = true;
            else other = true;
        }
        boolean initCap = !word.isEmpty() && Character.isUpperCase(word.charAt(0));
        d[at] = upper && !lower ? 1 : 0;                          // ALL CAPS (acronyms, POLICE)
        d[at + 1] = initCap && lower ? 1 : 0;                     // Capitalised
        d[at + 2] = lower && !upper ? 1 : 0;                      // lower
        d[at + 3] = upper && lower && !initCap ? 1 : 0;           // camelCase (iPhone, eBay)
        d[at + 4] = digit ? 1 : 0;
        d[at + 5] = digit && !upper && !lower ? 1 : 0;            // numbers, dates
        d[at + 6] = word.indexOf('-') >= 0 ? 1 : 0;
        d[at + 7] = !upper && !lower && !digit ? 1 : 0;           // punctuation
        d[at + 8] = other && (upper || lower) && digit ? 1 : 0;   // CVE-2017-0144, MS17-010
        d[at + 9] = sentenceStart ? 1 : 0;
    }

    /** All vocabularies by name, for the model bundle. */
    public Map<String, List<String>> vocabularies() {
        Map<String, List<String>> v = new java.util.LinkedHashMap<>();
        v.put("words", words.entries());
        v.put("prefixes", prefixes.entries());
        v.put("suffixes", suffixes.entries());
        v.put("pos", pos.entries());
        v.put("ner", ner.entries());
        v.put("relations", relations.entries());
        return v;
    }

    public static FeatureSpace fromVocabularies(Map<String, List<String>> v, PretrainedVectors pretrained,
                                                TriggerLexicon lexicon) {
        return new FeatureSpace(vocab(v, "words"), vocab(v, "prefixes"), vocab(v, "suffixes"), vocab(v, "pos"),
                vocab(v, "ner"), vocab(v, "relations"), pretrained, lexicon);
    }

    private static Vocabulary vocab(Map<String, List<String>> v, String name) {
        List<String> entries = v.get(name);
        if (entries == null) {
            throw new IllegalArgumentException("model bundle has no '" + name + "' vocabulary");
        }
        return new Vocabulary(new ArrayList<>(entries));
    }
}
