package org.casie.incident;

import org.casie.corpus.CharSpan;
import org.casie.text.TokenTable;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

/**
 * The parties an article accuses, read off the dependency parse: the object of "blame", "accuse", "suspect",
 * "implicate" ("Ciphr blames a rival company"); what something is attributed or linked to ("attributed the
 * dump to SkySecure"); whose "work" it is ("the work of a competitor"); the subject of "be behind" and "be responsible" ("a rival firm are behind a data dump").
 */
final class Accusations {

    private static final Set<String> OBJECT_CUES = Set.of("blame", "accuse", "suspect", "implicate", "finger");
    private static final Set<String> TO_CUES = Set.of("attribute", "link", "tie", "trace");
    private static final Set<String> SUBJECT_CUES = Set.of("responsible", "culprit");
    /** Relations inside a noun phrase: the accused phrase stops at clauses and prepositional modifiers. */
    private static final Set<String> PHRASE_RELATIONS = Set.of("compound", "flat", "flat:name", "amod", "det", "appos",
            "nummod", "conj", "cc", "punct", "nmod:poss");

    private final BitSet accused;
    private final List<CharSpan> phrases;

    private Accusations(BitSet accused, List<CharSpan> phrases) {
        this.accused = accused;
        this.phrases = phrases;
    }

    static Accusations of(TokenTable t) {
        List<List<Integer>> children = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            children.add(new ArrayList<>());
        }
        for (int i = 0; i < t.size(); i++) {
            if (t.head(i) >= 0 && t.head(i) < t.size()) {
                children.get(t.head(i)).add(i);
            }
        }
        BitSet accused = new BitSet();
        List<CharSpan> phrases = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            String lemma = t.lemma(i).toLowerCase();
            List<Integer> roots = new ArrayList<>();
            if (OBJECT_CUES.contains(lemma) && t.pos(i).startsWith("VB")) {
                for (int c : children.get(i)) {
                    if (t.relation(c).equals("obj") || t.relation(c).equals("dobj")) {
                        roots.add(c);
                    }
                }
            } else if (TO_CUES.contains(lemma) && t.pos(i).startsWith("VB")) {
                for (int c : children.get(i)) {
                    if (t.relation(c).startsWith("obl") || t.relation(c).startsWith("nmod")) {
                        for (int cc : children.get(c)) {
                            if (t.relation(cc).equals("case") && t.word(cc).equalsIgnoreCase("to")) {
                                roots.add(c);
                            }
                        }
                    }
                }
            } else if (lemma.equals("behind") && t.relation(i).equals("case") && t.head(i) >= 0) {
                subjects(t, children, t.head(i), roots);
            } else if ((lemma.equals("work") || lemma.equals("handiwork")) && t.pos(i).startsWith("NN")) {
                for (int c : children.get(i)) { // "the work of a rival company"
                    if (t.relation(c).startsWith("nmod")) {
                        for (int cc : children.get(c)) {
                            if (t.relation(cc).equals("case") && t.word(cc).equalsIgnoreCase("of")) {
                                roots.add(c);
                            }
                        }
                    }
                }
            } else if (SUBJECT_CUES.contains(lemma)) {
                subjects(t, children, i, roots);
            }
            for (int r : roots) {
                BitSet tree = subtree(t, children, r);
                accused.or(tree);
                phrases.add(new CharSpan(t.begin(tree.nextSetBit(0)), t.end(tree.length() - 1)));
            }
        }
        return new Accusations(accused, phrases);
    }

    private static void subjects(TokenTable t, List<List<Integer>> children, int head, List<Integer> out) {
        for (int c : children.get(head)) {
            if (t.relation(c).startsWith("nsubj")) {
                out.add(c);
            }
        }
    }

    /** The noun phrase under {@code root}: its subtree through noun-phrase relations only. */
    private static BitSet subtree(TokenTable t, List<List<Integer>> children, int root) {
        BitSet out = new BitSet();
        List<Integer> stack = new ArrayList<>(List.of(root));
        while (!stack.isEmpty()) {
            int n = stack.remove(stack.size() - 1);
            if (!out.get(n)) {
                out.set(n);
                for (int c : children.get(n)) {
                    if (PHRASE_RELATIONS.contains(t.relation(c))) {
                        stack.add(c);
                    }
                }
            }
        }
        return out;
    }

    /** Whether any token of {@code run} is in an accused phrase. */
    boolean accuses(NamedEntities.Run run) {
        for (int i = run.first(); i < run.last(); i++) {
            if (accused.get(i)) {
                return true;
            }
        }
        return false;
    }

    /** The accused phrases' spans (for unnamed parties: "a rival company"). */
    List<CharSpan> phrases() {
        return phrases;
    }
}
