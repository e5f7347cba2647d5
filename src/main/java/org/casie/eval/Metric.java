package org.casie.eval;

/** The span metrics, named as in the CASIE literature. */
public enum Metric {
    /** trigger (start, end) */
    TRIG_I("Trig-I"),
    /** trigger (start, end, subtype) */
    TRIG_C("Trig-C"),
    /** argument (start, end, event subtype) */
    ARG_I("Arg-I"),
    /** argument (start, end, event subtype, role) */
    ARG_C("Arg-C"),
    /** (trigger start, end, subtype, argument start, end, role): the argument tied to its trigger */
    ARG_C_PLUS("Arg-C+");

    private final String label;

    Metric(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
