package org.casie.corpus;

/**
 * Something wrong in an input file, located by file and JSON path (e.g.
 * {@code cyberevent.hopper[0].events[2].argument[1].role.type}).
 */
public record Problem(String file, String path, String message) {

    @Override
    public String toString() {
        return file + (path == null || path.isEmpty() ? "" : ": " + path) + ": " + message;
    }
}
