package org.casie.tag.io;

import org.casie.incident.TaggedArticle;

import java.io.IOException;
import java.nio.file.Path;

/** Writes a tagged document in one output format into a directory, atomically. */
public interface OutputWriter {

    /** The format's name on the command line. */
    String name();

    /** Writes the article's outputs into {@code outDir}, each file atomically. */
    void write(TaggedArticle article, Path outDir) throws IOException;

    /** The names of the files {@link #write} makes for a document {@code id}, the last one written last. */
    java.util.List<String> files(String id);
}
