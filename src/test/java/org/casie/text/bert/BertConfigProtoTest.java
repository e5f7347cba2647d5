package org.casie.text.bert;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The thread counts reach TensorFlow as protobuf varints, whatever the number of cores. */
class BertConfigProtoTest {

    @Test
    void smallThreadCountsAreOneByte() {
        assertArrayEquals(new byte[] {0x10, 2, 0x28, 1}, BertEncoder.configProto(2, 1));
        assertArrayEquals(new byte[] {0x10, 127, 0x28, 1}, BertEncoder.configProto(127, 1));
    }

    @Test
    void from128CoresTheCountTakesSeveralBytes() {
        assertArrayEquals(new byte[] {0x10, (byte) 0x80, 0x01, 0x28, 1}, BertEncoder.configProto(128, 1));
        assertArrayEquals(new byte[] {0x10, (byte) 0xAC, 0x02, 0x28, 1}, BertEncoder.configProto(300, 1));
        assertArrayEquals(new byte[] {0x10, (byte) 0x80, (byte) 0x80, 0x01, 0x28, 1}, BertEncoder.configProto(16384, 1));
    }

    @Test
    void noThreadsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> BertEncoder.configProto(0, 1));
    }
}
