package org.casie.text;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.util.ArrayCoreMap;
import edu.stanford.nlp.util.CoreMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs a CoreNLP pipeline over raw text and converts the result into a {@link TokenTable}. Thread-safe.
 * Tokenizing and sentence splitting run first; a "sentence" longer than {@link #MAX_SENTENCE_TOKENS} tokens
 * (scraped pages with no punctuation, lists, tables) is cut into pieces before tagging and parsing, since the
 * dependency parser's time grows faster than linearly with sentence length (a 1 MB article without a
 * sentence break did not finish in 5 minutes; the longest sentence in the CASIE corpus has 132 tokens).
 */
public final class CoreNlpAnnotator {

    /** Longest sentence given to the POS tagger, NER and parser; longer ones are split into pieces this long. */
    public static final int MAX_SENTENCE_TOKENS = 200;

    private final AnnotatorConfig config;
    private volatile StanfordCoreNLP splitter;
    private volatile StanfordCoreNLP pipeline;

    public CoreNlpAnnotator(AnnotatorConfig config) {
        this.config = config;
    }

    public AnnotatorConfig config() {
        return config;
    }

    /** Loading takes seconds (NER and parser models), so it happens on first use only. */
    private StanfordCoreNLP pipeline() {
        StanfordCoreNLP p = pipeline;
        if (p == null) {
            synchronized (this) {
                if (pipeline == null) {
                    splitter = new StanfordCoreNLP(config.splitterProperties());
                    pipeline = new StanfordCoreNLP(config.taggerProperties());
                }
                p = pipeline;
            }
        }
        return p;
    }

    /**
     * Annotates {@code text}. Runs of non-blank characters longer than {@link LongRunMask#MAX_RUN_CHARS} are
     * annotated as one placeholder token whose offsets cover the whole run (see {@link LongRunMask}).
     */
    public TokenTable annotate(String text) {
        LongRunMask mask = LongRunMask.of(text);
        String seen = mask.masked();
        Annotation annotation = new Annotation(seen);
        StanfordCoreNLP rest = pipeline();
        splitter.annotate(annotation);
        splitLongSentences(annotation, seen, MAX_SENTENCE_TOKENS);
        rest.annotate(annotation);
        List<CoreMap> sentences = annotation.get(CoreAnnotations.SentencesAnnotation.class);
        int n = 0;
        for (CoreMap s : sentences) {
            n += s.get(CoreAnnotations.TokensAnnotation.class).size();
        }
        int[] sentence = new int[n], begin = new int[n], end = new int[n], head = new int[n];
        String[] word = new String[n], lemma = new String[n], pos = new String[n], ner = new String[n],
                relation = new String[n];
        Arrays.fill(head, -1);
        Arrays.fill(relation, "root");
        int i = 0;
        for (int si = 0; si < sentences.size(); si++) {
            CoreMap s = sentences.get(si);
            List<CoreLabel> tokens = s.get(CoreAnnotations.TokensAnnotation.class);
            int first = i;
            for (CoreLabel t : tokens) {
                sentence[i] = si;
                begin[i] = mask.begin(t.beginPosition());
                end[i] = mask.end(t.endPosition());
                word[i] = text.substring(begin[i], end[i]);
                lemma[i] = orEmpty(t.lemma());
                pos[i] = orEmpty(t.tag());
                ner[i] = t.ner() == null ? "O" : t.ner();
                i++;
            }
            SemanticGraph graph = s.get(SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class);
            if (graph != null) {
                for (SemanticGraphEdge e : graph.edgeIterable()) {
                    IndexedWord dep = e.getDependent();
                    int d = first + dep.index() - 1;
                    head[d] = first + e.getGovernor().index() - 1;
                    relation[d] = e.getRelation().toString();
                }
            } else {
                Arrays.fill(relation, first, i, "");
            }
        }
        return new TokenTable(sentence, begin, end, word, lemma, pos, ner, head, relation);
    }

    /** Replaces every sentence of more than {@code max} tokens by consecutive pieces of at most {@code max}. */
    static void splitLongSentences(Annotation annotation, String text, int max) {
        List<CoreMap> sentences = annotation.get(CoreAnnotations.SentencesAnnotation.class);
        if (sentences.stream().allMatch(s -> s.get(CoreAnnotations.TokensAnnotation.class).size() <= max)) {
            return;
        }
        List<CoreMap> out = new ArrayList<>();
        for (CoreMap s : sentences) {
            List<CoreLabel> tokens = s.get(CoreAnnotations.TokensAnnotation.class);
            if (tokens.size() <= max) {
                out.add(s);
                continue;
            }
            Integer first = s.get(CoreAnnotations.TokenBeginAnnotation.class);
            for (int from = 0; from < tokens.size(); from += max) {
                List<CoreLabel> piece = new ArrayList<>(tokens.subList(from, Math.min(tokens.size(), from + max)));
                int begin = piece.get(0).beginPosition();
                int end = piece.get(piece.size() - 1).endPosition();
                CoreMap part = new ArrayCoreMap();
                part.set(CoreAnnotations.TextAnnotation.class, text.substring(begin, end));
                part.set(CoreAnnotations.CharacterOffsetBeginAnnotation.class, begin);
                part.set(CoreAnnotations.CharacterOffsetEndAnnotation.class, end);
                part.set(CoreAnnotations.TokensAnnotation.class, piece);
                if (first != null) {
                    part.set(CoreAnnotations.TokenBeginAnnotation.class, first + from);
                    part.set(CoreAnnotations.TokenEndAnnotation.class, first + from + piece.size());
                }
                for (int i = 0; i < piece.size(); i++) {
                    piece.get(i).setIndex(i + 1);
                }
                out.add(part);
            }
        }
        for (int i = 0; i < out.size(); i++) {
            out.get(i).set(CoreAnnotations.SentenceIndexAnnotation.class, i);
            for (CoreLabel t : out.get(i).get(CoreAnnotations.TokensAnnotation.class)) {
                t.setSentIndex(i);
            }
        }
        annotation.set(CoreAnnotations.SentencesAnnotation.class, out);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    static String coreNlpVersion() {
        String v = StanfordCoreNLP.class.getPackage().getImplementationVersion();
        return v == null ? "4.5.10" : v;
    }
}
