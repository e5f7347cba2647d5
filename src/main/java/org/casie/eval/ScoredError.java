package org.casie.eval;

/** A false positive or false negative, with the sentence it sits in, for the error listing. */
public record ScoredError(String document, String kind, String level, int begin, int end, String text, String label,
                          String sentence) {

    @Override
    public String toString() {
        return document + "\t" + kind + "\t" + level + "\t" + begin + "-" + end + "\t" + text + "\t" + label + "\t" + sentence;
    }
}
