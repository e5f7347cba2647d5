package org.casie.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A zip of named entries led by a manifest that lists each entry's SHA-256: the on-disk form of model bundles
 * and training checkpoints. Entries carry fixed timestamps, so the same content gives the same bytes; files are
 * written atomically; reading inflates at most a given number of bytes, so a damaged or hostile zip is refused,
 * not inflated. What the manifest holds beyond the checksums, and what a mismatch means, is the caller's.
 */
public final class ChecksummedArchive {

    private ChecksummedArchive() {
    }

    /** Why an archive could not be read. */
    public enum Failure {
        /** Its entries inflate past the limit. */
        TOO_LARGE,
        /** An entry name appears twice. */
        REPEATED_ENTRY,
        /** Not a readable zip (truncated, damaged, a bad entry name). */
        UNREADABLE
    }

    /** An archive that could not be read; {@link #detail()} names the entry or the zip library's complaint. */
    public static final class ArchiveException extends IOException {
        private final Failure failure;
        private final String detail;

        ArchiveException(Failure failure, String detail) {
            super(failure + ": " + detail);
            this.failure = failure;
            this.detail = detail;
        }

        public Failure failure() {
            return failure;
        }

        public String detail() {
            return detail;
        }
    }

    /** The SHA-256 of each entry, in the entries' order: what a manifest lists. */
    public static Map<String, String> checksums(Map<String, byte[]> entries) {
        Map<String, String> sums = new LinkedHashMap<>();
        entries.forEach((name, bytes) -> sums.put(name, Sha256.hex(bytes)));
        return sums;
    }

    /** Writes the manifest entry, then every entry in order, into {@code file} atomically. */
    public static void write(Path file, String manifestName, byte[] manifest, Map<String, byte[]> entries)
            throws IOException {
        Map<String, byte[]> all = new LinkedHashMap<>();
        all.put(manifestName, manifest);
        all.putAll(entries);
        AtomicFiles.write(file, zip(all));
    }

    /** Entries in order, zipped with fixed timestamps: the same entries always give the same bytes. */
    public static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTime(0);
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** {@code zip}'s entries zipped again with fixed timestamps (for zips a library stamps with the time of writing). */
    public static byte[] rezip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return zip(entries);
    }

    /**
     * Every entry of the zip, in order, inflating at most {@code maxBytes} in all; closes the stream.
     *
     * @throws ArchiveException when the entries inflate past the limit, a name repeats, or the zip is unreadable
     */
    public static Map<String, byte[]> read(InputStream raw, long maxBytes) throws ArchiveException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(raw)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                byte[] bytes = zip.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxBytes - total + 1));
                total += bytes.length;
                if (total > maxBytes) {
                    throw new ArchiveException(Failure.TOO_LARGE, e.getName());
                }
                if (entries.put(e.getName(), bytes) != null) {
                    throw new ArchiveException(Failure.REPEATED_ENTRY, e.getName());
                }
            }
        } catch (ArchiveException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // ZipInputStream reports a bad entry name with IllegalArgumentException, damage with ZipException/EOF.
            throw new ArchiveException(Failure.UNREADABLE, String.valueOf(e.getMessage()));
        }
        return entries;
    }
}
