package org.casie.text;

import java.util.Properties;

/**
 * Which CoreNLP annotators run. NER runs without fine-grained classes, SUTime and entity mentions:
 * those triple its cost (measured: docs/benchmarks.md) and our classifiers only use the coarse label.
 *
 * @param ner      run the NER CRFs
 * @param depparse run the neural dependency parser
 */
public record AnnotatorConfig(boolean ner, boolean depparse) {

    public static final AnnotatorConfig FULL = new AnnotatorConfig(true, true);

    public String annotators() {
        return "tokenize,ssplit,pos,lemma" + (ner ? ",ner" : "") + (depparse ? ",depparse" : "");
    }

    /** Sentence length every cache entry made before the key named it was cut at; keys leave it out. */
    private static final int FIRST_SENTENCE_CUT = 200;

    /** A stable key for the cache: annotator set, options, sentence cut length and CoreNLP version. */
    public String cacheKey() {
        return cacheKey(CoreNlpAnnotator.MAX_SENTENCE_TOKENS);
    }

    /**
     * The key with sentences cut at {@code maxSentenceTokens}. The first cut length is left out so that the
     * caches already filled stay valid; any other length makes a key of its own.
     */
    String cacheKey(int maxSentenceTokens) {
        return annotators() + "|fine=false|sutime=false|mentions=false|corenlp=" + CoreNlpAnnotator.coreNlpVersion()
                + "|table=1" + (maxSentenceTokens == FIRST_SENTENCE_CUT ? "" : "|split=" + maxSentenceTokens);
    }

    /**
     * The cache key for one text. A line break ends a sentence (unseen articles put headings, table rows and
     * paragraphs on lines of their own); CASIE content has no line breaks, so the key of a text without
     * any, and with it every cached annotation and vector of the corpus, is that of {@link #cacheKey()}.
     */
    public String cacheKey(String text) {
        return forText(cacheKey(), text);
    }

    /** {@code key}, a tokenization key of this class, adjusted for {@code text} as {@link #cacheKey(String)} does. */
    public static String forText(String key, String text) {
        return text.indexOf('\n') >= 0 ? key + "|newline=always" : key;
    }

    /** Tokenizer and sentence splitter only; long sentences are cut before the taggers run. */
    Properties splitterProperties() {
        Properties p = new Properties();
        p.setProperty("annotators", "tokenize,ssplit");
        p.setProperty("tokenize.language", "en");
        p.setProperty("ssplit.newlineIsSentenceBreak", "always");
        return p;
    }

    /** The annotators after sentence splitting, run on an already split document. */
    Properties taggerProperties() {
        Properties p = properties();
        p.setProperty("annotators", annotators().substring("tokenize,ssplit,".length()));
        p.setProperty("enforceRequirements", "false");
        return p;
    }

    Properties properties() {
        Properties p = new Properties();
        p.setProperty("annotators", annotators());
        p.setProperty("tokenize.language", "en");
        p.setProperty("ssplit.newlineIsSentenceBreak", "always");
        p.setProperty("ner.applyFineGrained", "false");
        p.setProperty("ner.useSUTime", "false");
        p.setProperty("ner.buildEntityMentions", "false");
        p.setProperty("ner.applyNumericClassifiers", "true");
        return p;
    }
}
