package org.casie.tag.io;

/** The article formats the tagger reads, detected from content. */
public enum InputFormat {
    /** CASIE annotation JSON: its {@code content} is tagged. */
    CASIE_JSON,
    /** CASIE source text: {@code <title>}, {@code <source>}, {@code <date>}, {@code <text>}. */
    CASIE_SOURCE,
    /** Markdown with YAML front matter wrapping a CASIE source block (as in {@code seeds/000_*.txt}). */
    MARKDOWN,
    HTML,
    PLAIN_TEXT
}
