package org.casie.text;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.util.CoreMap;

import java.util.Arrays;
import java.util.List;

/** Runs a CoreNLP pipeline over raw text and converts the result into a {@link TokenTable}. Thread-safe. */
public final class CoreNlpAnnotator {

    private final AnnotatorConfig config;
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
                    pipeline = new StanfordCoreNLP(config.properties());
                }
                p = pipeline;
            }
        }
        return p;
    }

    public TokenTable annotate(String text) {
        Annotation annotation = new Annotation(text);
        pipeline().annotate(annotation);
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
                begin[i] = t.beginPosition();
                end[i] = t.endPosition();
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

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    static String coreNlpVersion() {
        String v = StanfordCoreNLP.class.getPackage().getImplementationVersion();
        return v == null ? "4.5.10" : v;
    }
}
