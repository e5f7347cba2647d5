package org.casie.corpus;

/** An input the corpus layer cannot use at all (missing directory, unreadable split list). */
public class CorpusException extends RuntimeException {

    public CorpusException(String message) {
        super(message);
    }
}
