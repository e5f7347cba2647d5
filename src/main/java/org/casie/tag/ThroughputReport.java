package org.casie.tag;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/**
 * A line every twentieth of a batch (at least every 100 files, and at the end): files done, rate, time left,
 * and the heap, which stays flat however many files there are.
 */
final class ThroughputReport {

    private final int total;
    private final long start;
    private final int every;
    private int done;
    private int tagged;

    ThroughputReport(int total, long start) {
        this.total = total;
        this.start = start;
        this.every = Math.max(100, total / 20);
    }

    /**
     * @param skipped already done (--skip-existing): not counted in the rate, which would flatter the ETA
     * @return the line to show now, or {@code null}
     */
    String fileDone(boolean skipped) {
        done++;
        tagged += skipped ? 0 : 1;
        if (done % every != 0 && done != total) {
            return null;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = tagged / Math.max(seconds, 1e-9);
        long left = tagged == 0 ? -1 : Math.round((total - done) / rate);
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long afterGc = -1;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null && pool.getName().contains("Old")) {
                afterGc = pool.getCollectionUsage().getUsed();
            }
        }
        return String.format("tag: %d/%d files, %.1f files/s tagged, ETA %s; heap used %d MB%s of %d MB", done, total,
                rate, left < 0 ? "?" : String.format("%dm%02ds", left / 60, left % 60), heap.getUsed() >> 20,
                afterGc >= 0 ? " (old gen after last GC " + (afterGc >> 20) + " MB)" : "", heap.getMax() >> 20);
    }
}
