package org.casie.cli;

/** Exit codes shared by every verb. */
public final class ExitCodes {

    /** Everything was read and done. */
    public static final int OK = 0;
    /** The run finished, but some inputs were skipped (each is listed). */
    public static final int SOME_INPUTS_FAILED = 1;
    /** The command line itself is wrong. */
    public static final int USAGE = 2;
    /** Bad data, config or model: nothing useful could be done. */
    public static final int BAD_DATA = 3;
    /** A bug: please report it with the output of {@code --verbose}. */
    public static final int INTERNAL = 4;

    private ExitCodes() {
    }
}
