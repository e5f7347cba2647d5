package org.casie.examples;

import org.casie.corpus.Document;
import org.casie.text.TokenTable;

/** A document with its CoreNLP token table. */
public record AnnotatedText(Document document, TokenTable tokens) {
}
