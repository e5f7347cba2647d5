package org.casie.train;

/** Hears about training progress; the CLI draws a progress bar from it. Called from training threads. */
public interface TrainingMonitor {

    /** Total minibatches the run will see if no task stops early. */
    default void planned(long batches) {
    }

    default void batchDone(String task, double loss) {
    }

    /** After each epoch: the task, epoch (1-based), mean training loss, dev F1 (0-100) and whether it is the best so far. */
    default void epochDone(String task, int epoch, double loss, double devF1, boolean best) {
    }

    default void message(String line) {
    }

    TrainingMonitor SILENT = new TrainingMonitor() {
    };
}
