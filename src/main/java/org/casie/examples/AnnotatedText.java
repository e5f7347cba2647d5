package org.casie.examples;

import org.casie.corpus.Document;
import org.casie.text.TokenTable;
import org.casie.text.bert.ContextVectors;

/**
 * A document with its CoreNLP token table and, for the accurate profile, a contextual vector per token
 * ({@code null} otherwise) and, when the model primes its argument queries, the encoder that reads them
 * ({@code null} otherwise).
 */
public record AnnotatedText(Document document, TokenTable tokens, ContextVectors context, ArgumentPrimer primer) {

    public AnnotatedText {
        if (context != null && context.tokens() != tokens.size()) {
            throw new IllegalArgumentException("document " + document.id() + " has " + tokens.size() + " tokens but "
                    + context.tokens() + " contextual vectors");
        }
    }

    public AnnotatedText(Document document, TokenTable tokens, ContextVectors context) {
        this(document, tokens, context, null);
    }

    public AnnotatedText(Document document, TokenTable tokens) {
        this(document, tokens, null, null);
    }
}
