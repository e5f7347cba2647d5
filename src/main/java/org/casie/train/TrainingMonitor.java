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

    /** A resumed run restored {@code task} after {@code epoch} completed epochs, {@code batches} minibatches in all. */
    default void resumed(String task, int epoch, long batches) {
    }

    default void message(String line) {
    }

    TrainingMonitor SILENT = new TrainingMonitor() {
    };
}
