package org.casie.model;

/** Range checks for settings records: one line naming the field, its allowed range and the value. */
final class Checks {

    private Checks() {
    }

    static void range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be " + (max == Integer.MAX_VALUE ? "at least " + min
                    : "between " + min + " and " + max) + ", not " + value);
        }
    }
}
