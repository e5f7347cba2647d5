package org.casie.tag.io;

import org.casie.corpus.Document;

import java.util.List;

/** An input article: its detected format, the document to tag, and anything worth a warning. */
public record Article(String id, InputFormat format, Document document, List<String> warnings) {

    public Article {
        warnings = List.copyOf(warnings);
    }
}
