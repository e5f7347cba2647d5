package org.casie.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A model shipped with {@code spark-submit --files} is accepted by name although the driver has no such path. */
class SparkTagCommandTest {

    @AfterEach
    void clear() {
        System.clearProperty("spark.files");
    }

    @Test
    void aModelShippedWithTheJobIsFoundByItsFileName() {
        System.setProperty("spark.files", "file:/home/me/models/other.zip,hdfs://nn/models/fast.zip");
        assertTrue(SparkTagCommand.shippedWithJob("fast.zip"));
        assertTrue(SparkTagCommand.shippedWithJob("other.zip"));
        assertFalse(SparkTagCommand.shippedWithJob("accurate.zip"));
        assertFalse(SparkTagCommand.shippedWithJob("ast.zip"), "a suffix of a name is not the name");
    }

    @Test
    void nothingIsShippedOutsideSparkSubmit() {
        assertFalse(SparkTagCommand.shippedWithJob("fast.zip"));
    }
}
