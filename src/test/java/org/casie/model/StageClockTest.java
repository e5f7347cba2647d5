package org.casie.model;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StageClockTest {

    @AfterEach
    void zero() {
        StageClock.reset();
    }

    @Test
    void stagesAddUpTheTimeBetweenTheirStops() throws Exception {
        StageClock.enable();
        long clock = StageClock.start();
        Thread.sleep(20);
        clock = StageClock.stop(StageClock.Stage.FEATURES, clock);
        Thread.sleep(40);
        StageClock.stop(StageClock.Stage.NETWORK, clock);
        double features = StageClock.seconds().get(StageClock.Stage.FEATURES);
        double network = StageClock.seconds().get(StageClock.Stage.NETWORK);
        // Sleeps never end early, but a loaded machine may stretch either: only lower bounds hold.
        assertTrue(features >= 0.019, features + " " + network);
        assertTrue(network >= 0.039, features + " " + network);
        assertEquals(0.0, StageClock.seconds().get(StageClock.Stage.BERT));
        String report = StageClock.report();
        assertTrue(report.contains("DL4J networks") && report.contains("total (all threads)"), report);
    }
}
