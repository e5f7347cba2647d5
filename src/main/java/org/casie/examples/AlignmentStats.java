package org.casie.examples;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts of what happened when gold character spans were mapped onto tokens. */
public final class AlignmentStats {

    private final AtomicInteger aligned = new AtomicInteger();
    private final AtomicInteger widened = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final AtomicInteger outsideWindow = new AtomicInteger();
    private final AtomicInteger overlapping = new AtomicInteger();

    void countAligned(boolean wasWidened) {
        aligned.incrementAndGet();
        if (wasWidened) {
            widened.incrementAndGet();
        }
    }

    void countDropped() { dropped.incrementAndGet(); }
    void countOutsideWindow() { outsideWindow.incrementAndGet(); }
    void countOverlapping() { overlapping.incrementAndGet(); }

    public int aligned() { return aligned.get(); }
    public int widened() { return widened.get(); }
    public int dropped() { return dropped.get(); }
    public int outsideWindow() { return outsideWindow.get(); }
    public int overlapping() { return overlapping.get(); }

    @Override
    public String toString() {
        return aligned() + " spans aligned (" + widened() + " widened to token edges), " + dropped()
                + " covering no token, " + outsideWindow() + " outside the context window, " + overlapping()
                + " overlapping another span of the same sequence";
    }
}
