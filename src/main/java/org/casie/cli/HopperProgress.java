package org.casie.cli;

/** The line printed after each epoch of the hopper classifier. */
final class HopperProgress {

    private HopperProgress() {
    }

    static String line(int epoch, double loss, double devF1, boolean best) {
        return Double.isNaN(devF1) ? String.format("hopper ep%d loss %.3f", epoch, loss)
                : String.format("hopper ep%d loss %.3f dev CoNLL F1 (gold mentions) %.1f%s", epoch, loss, devF1,
                best ? "*" : "");
    }
}
