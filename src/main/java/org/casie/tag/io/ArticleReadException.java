package org.casie.tag.io;

/** An input that cannot be read as an article; the message names the file and the problem. */
public class ArticleReadException extends Exception {

    public ArticleReadException(String message) {
        super(org.casie.corpus.Problem.oneLine(message, 400));
    }
}
