package org.casie.corpus;

import java.util.List;
import java.util.stream.Stream;

/**
 * One article with its event annotations. For unannotated input {@code hoppers} is empty.
 *
 * @param id          document id (the file name without extension, e.g. {@code 10001})
 * @param sourceFile  the CASIE {@code sourcefile} field, or {@code null}
 * @param content     the article text all offsets index into
 * @param title       title, or {@code null}
 * @param date        date as written in the corpus (e.g. {@code 2018_11_09}), or {@code null}
 * @param link        source URL, or {@code null}
 * @param infoType    the {@code info.type} field (usually {@code text}), or {@code null}
 * @param hoppers     event hoppers
 */
public record Document(String id, String sourceFile, String content, String title, String date, String link,
                       String infoType, List<Hopper> hoppers) {

    public Document {
        hoppers = List.copyOf(hoppers);
    }

    /** An unannotated document holding only text. */
    public static Document ofText(String id, String content) {
        return new Document(id, null, content, null, null, null, null, List.of());
    }

    public Stream<EventMention> events() {
        return hoppers.stream().flatMap(h -> h.events().stream());
    }

    public Document withHoppers(List<Hopper> newHoppers) {
        return new Document(id, sourceFile, content, title, date, link, infoType, newHoppers);
    }
}
