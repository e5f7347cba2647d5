package org.casie.train;

/** A checkpoint that cannot be resumed: damaged, of another format, or written by another configuration or data. */
public class CheckpointException extends RuntimeException {

    public CheckpointException(String message) {
        super(org.casie.corpus.Problem.oneLine(message, 400));
    }
}
