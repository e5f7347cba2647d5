package org.casie.text;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The annotated tokens of one text, column by column. Offsets index the original text, so
 * {@code text.substring(begin(i), end(i))} is exactly token {@code i}'s surface form.
 * Dependency heads are token indices within the table ({@code -1} for the root).
 */
public final class TokenTable {

    private final int[] sentence;
    private final int[] begin;
    private final int[] end;
    private final String[] word;
    private final String[] lemma;
    private final String[] pos;
    private final String[] ner;
    private final int[] head;
    private final String[] relation;
    private final int[] sentenceStart;

    public TokenTable(int[] sentence, int[] begin, int[] end, String[] word, String[] lemma, String[] pos,
                      String[] ner, int[] head, String[] relation) {
        int n = sentence.length;
        if (begin.length != n || end.length != n || word.length != n || lemma.length != n || pos.length != n
                || ner.length != n || head.length != n || relation.length != n) {
            throw new IllegalArgumentException("token table columns differ in length");
        }
        this.sentence = sentence;
        this.begin = begin;
        this.end = end;
        this.word = word;
        this.lemma = lemma;
        this.pos = pos;
        this.ner = ner;
        this.head = head;
        this.relation = relation;
        int sentences = n == 0 ? 0 : sentence[n - 1] + 1;
        this.sentenceStart = new int[sentences + 1];
        Arrays.fill(sentenceStart, n);
        for (int i = n - 1; i >= 0; i--) {
            sentenceStart[sentence[i]] = i;
        }
        for (int s = sentences - 1; s >= 0; s--) {
            sentenceStart[s] = Math.min(sentenceStart[s], sentenceStart[s + 1]);
        }
    }

    /**
     * The tables of consecutive windows of one text as one table over the whole text: part {@code k}'s
     * offsets are shifted by {@code offsets[k]}, its sentences and dependency heads renumbered after those
     * of the parts before it.
     */
    public static TokenTable join(List<TokenTable> parts, int[] offsets) {
        if (parts.size() == 1 && offsets[0] == 0) {
            return parts.get(0);
        }
        int n = parts.stream().mapToInt(TokenTable::size).sum();
        int[] sentence = new int[n], begin = new int[n], end = new int[n], head = new int[n];
        String[] word = new String[n], lemma = new String[n], pos = new String[n], ner = new String[n],
                relation = new String[n];
        int at = 0, sentences = 0;
        for (int k = 0; k < parts.size(); k++) {
            TokenTable p = parts.get(k);
            for (int i = 0; i < p.size(); i++) {
                sentence[at + i] = sentences + p.sentence[i];
                begin[at + i] = offsets[k] + p.begin[i];
                end[at + i] = offsets[k] + p.end[i];
                head[at + i] = p.head[i] < 0 ? p.head[i] : at + p.head[i];
            }
            System.arraycopy(p.word, 0, word, at, p.size());
            System.arraycopy(p.lemma, 0, lemma, at, p.size());
            System.arraycopy(p.pos, 0, pos, at, p.size());
            System.arraycopy(p.ner, 0, ner, at, p.size());
            System.arraycopy(p.relation, 0, relation, at, p.size());
            at += p.size();
            sentences += p.sentenceCount();
        }
        return new TokenTable(sentence, begin, end, word, lemma, pos, ner, head, relation);
    }

    public int size() { return sentence.length; }
    public int sentenceCount() { return sentenceStart.length - 1; }
    public int sentence(int i) { return sentence[i]; }
    public int begin(int i) { return begin[i]; }
    public int end(int i) { return end[i]; }
    public String word(int i) { return word[i]; }
    public String lemma(int i) { return lemma[i]; }
    public String pos(int i) { return pos[i]; }
    public String ner(int i) { return ner[i]; }
    public int head(int i) { return head[i]; }
    public String relation(int i) { return relation[i]; }

    /** First token of sentence {@code s}. */
    public int sentenceBegin(int s) { return sentenceStart[s]; }

    /** One past the last token of sentence {@code s}. */
    public int sentenceEnd(int s) { return sentenceStart[s + 1]; }

    /** The token containing character {@code offset}, or the first token after it; {@link #size()} if none. */
    public int tokenAtOrAfter(int offset) {
        int lo = 0, hi = size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (end[mid] <= offset) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    int[] sentenceColumn() { return sentence; }
    int[] beginColumn() { return begin; }
    int[] endColumn() { return end; }
    String[] wordColumn() { return word; }
    String[] lemmaColumn() { return lemma; }
    String[] posColumn() { return pos; }
    String[] nerColumn() { return ner; }
    int[] headColumn() { return head; }
    String[] relationColumn() { return relation; }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenTable t && Arrays.equals(sentence, t.sentence) && Arrays.equals(begin, t.begin)
                && Arrays.equals(end, t.end) && Arrays.equals(word, t.word) && Arrays.equals(lemma, t.lemma)
                && Arrays.equals(pos, t.pos) && Arrays.equals(ner, t.ner) && Arrays.equals(head, t.head)
                && Arrays.equals(relation, t.relation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(begin), Arrays.hashCode(word));
    }
}
