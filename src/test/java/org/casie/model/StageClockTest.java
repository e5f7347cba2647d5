package org.casie.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StageClockTest {

    @Test
    void stagesAddUpTheTimeBetweenTheirStops() {
        StageClock clock = new StageClock();
        clock.enable();
        clock.timing(() -> {
            long start = StageClock.start();
            sleep(20);
            start = StageClock.stop(StageClock.Stage.FEATURES, start);
            sleep(40);
            StageClock.stop(StageClock.Stage.NETWORK, start);
            return null;
        });
        double features = clock.seconds().get(StageClock.Stage.FEATURES);
        double network = clock.seconds().get(StageClock.Stage.NETWORK);
        // Sleeps never end early, but a loaded machine may stretch either: only lower bounds hold.
        assertTrue(features >= 0.019, features + " " + network);
        assertTrue(network >= 0.039, features + " " + network);
        assertEquals(0.0, clock.seconds().get(StageClock.Stage.BERT));
        String report = clock.report();
        assertTrue(report.contains("DL4J networks") && report.contains("total (all threads)"), report);
    }

    @Test
    void eachClockTimesOnlyTheWorkBoundToIt() {
        StageClock a = new StageClock(), b = new StageClock(), off = new StageClock();
        a.enable();
        b.enable();
        a.timing(() -> {
            StageClock.stop(StageClock.Stage.BERT, StageClock.start() - 5_000_000);
            b.timing(() -> StageClock.stop(StageClock.Stage.CORENLP, StageClock.start() - 7_000_000));
            // Back to a once b's work is done.
            return StageClock.stop(StageClock.Stage.DECODING, StageClock.start() - 3_000_000);
        });
        off.timing(() -> StageClock.stop(StageClock.Stage.NETWORK, StageClock.start()));
        // Outside any clock nothing is timed, and nothing fails.
        assertEquals(0, StageClock.start());
        assertEquals(0, StageClock.stop(StageClock.Stage.NETWORK, 0));
        assertTrue(a.seconds().get(StageClock.Stage.BERT) >= 0.005);
        assertTrue(a.seconds().get(StageClock.Stage.DECODING) >= 0.003);
        assertEquals(0.0, a.seconds().get(StageClock.Stage.CORENLP));
        assertTrue(b.seconds().get(StageClock.Stage.CORENLP) >= 0.007);
        assertEquals(0.0, b.seconds().get(StageClock.Stage.BERT));
        assertEquals(0.0, off.seconds().values().stream().mapToDouble(Double::doubleValue).sum());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
