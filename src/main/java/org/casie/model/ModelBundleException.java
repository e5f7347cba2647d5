package org.casie.model;

/** A model bundle that cannot be used: missing, truncated, corrupted, or of an unsupported format. */
public class ModelBundleException extends RuntimeException {

    public ModelBundleException(String message) {
        super(message);
    }

    public ModelBundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
