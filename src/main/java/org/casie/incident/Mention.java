package org.casie.incident;

/** One place an entity is named in the article: half-open character offsets into the content and the text there. */
public record Mention(int start, int end, String text) {
}
