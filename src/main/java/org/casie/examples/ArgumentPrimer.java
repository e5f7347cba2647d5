package org.casie.examples;

import org.casie.text.bert.ContextVectors;

import java.util.List;

/** Reads the windows of argument queries primed with their triggers ({@link ArgumentPriming}). */
@FunctionalInterface
public interface ArgumentPrimer {

    /** For each query, one contextual vector per token of its window (window-local: index 0 is its first token). */
    List<ContextVectors> prime(AnnotatedText text, List<ArgumentQuery> queries, ArgumentPriming priming);
}
