package org.casie.cli;

/** A failure the user can fix (bad path, bad config, bad data); shown as one line, exit code 3. */
public class UserException extends RuntimeException {

    public UserException(String message) {
        super(message);
    }

    public UserException(String message, Throwable cause) {
        super(message, cause);
    }
}
