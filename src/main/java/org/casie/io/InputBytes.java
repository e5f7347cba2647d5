package org.casie.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads input files the way every reader should: never more than a limit (a 100 MB file or
 * {@code /dev/zero} is refused, not swallowed), and decoded strictly, naming the first bad byte.
 */
public final class InputBytes {

    /** Input larger than a reader's limit; the message says how large and what the limit is. */
    public static final class TooLargeException extends IOException {
        public TooLargeException(String message) {
            super(message);
        }
    }

    /** Text that is not what it claims to be (invalid UTF-8); the message names the offset and byte. */
    public static final class BadTextException extends IOException {
        public BadTextException(String message) {
            super(message);
        }
    }

    private InputBytes() {
    }

    /**
     * The file's bytes, reading at most {@code limit + 1} of them.
     *
     * @throws TooLargeException when the file holds more than {@code limit} bytes
     */
    public static byte[] read(Path file, int limit) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException("is a directory");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                long size = Files.isRegularFile(file) ? Files.size(file) : -1;
                throw new TooLargeException((size > 0 ? megabytes(size) : "more than " + megabytes(limit))
                        + ", larger than the " + megabytes(limit) + " limit");
            }
            return bytes;
        }
    }

    /** The same limit for a stream such as standard input. */
    public static byte[] read(InputStream in, int limit) throws IOException {
        byte[] bytes = in.readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw new TooLargeException("more than " + megabytes(limit) + ", the limit");
        }
        return bytes;
    }

    /** "binary file (NUL byte at offset N)" when the bytes hold a NUL, which no text format here has. */
    public static Optional<String> binary(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return Optional.of("binary file (NUL byte at offset " + i + "), not text");
            }
        }
        return Optional.empty();
    }

    /** Strict UTF-8 without a leading byte-order mark. */
    public static String utf8(byte[] bytes) throws BadTextException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            throw new BadTextException(String.format("not UTF-8 text (byte 0x%02x at offset %d)", bytes[at] & 0xff, at));
        }
        decoder.flush(out);
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    public static String megabytes(long bytes) {
        return bytes >= 1024 * 1024 ? String.format("%.1f MB", bytes / (1024.0 * 1024)) : String.format("%.1f KB", bytes / 1024.0);
    }
}
