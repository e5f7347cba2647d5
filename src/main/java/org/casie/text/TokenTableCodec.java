package org.casie.text;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Binary form of a {@link TokenTable}: a magic number, a string pool (POS tags, NER labels and relations
 * repeat a lot), the columns, and a CRC32 so a damaged cache entry is detected rather than misread.
 */
final class TokenTableCodec {

    private static final int MAGIC = 0x434B5431; // "CKT1"

    private TokenTableCodec() {
    }

    static byte[] encode(TokenTable t) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(t.size() * 24 + 64);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            Map<String, Integer> pool = new HashMap<>();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            DataOutputStream b = new DataOutputStream(body);
            int n = t.size();
            b.writeInt(n);
            for (int i = 0; i < n; i++) {
                b.writeInt(t.sentence(i));
                b.writeInt(t.begin(i));
                b.writeInt(t.end(i));
                b.writeInt(t.head(i));
                for (String s : new String[] {t.word(i), t.lemma(i), t.pos(i), t.ner(i), t.relation(i)}) {
                    b.writeInt(pool.computeIfAbsent(s, k -> pool.size()));
                }
            }
            String[] strings = new String[pool.size()];
            pool.forEach((s, id) -> strings[id] = s);
            out.writeInt(strings.length);
            for (String s : strings) {
                out.writeUTF(s);
            }
            body.writeTo(out);
            out.flush();
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeLong(crc.getValue());
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IOException when the bytes are truncated, damaged or not a token table */
    static TokenTable decode(byte[] data) throws IOException {
        if (data.length < 16) {
            throw new IOException("too short");
        }
        CRC32 crc = new CRC32();
        crc.update(data, 0, data.length - 8);
        // The body ends where the checksum starts: it is never read as content.
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, 0, data.length - 8));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a token table");
        }
        long stored = new DataInputStream(new ByteArrayInputStream(data, data.length - 8, 8)).readLong();
        if (stored != crc.getValue()) {
            throw new IOException("checksum mismatch");
        }
        try {
            return body(in, data.length);
        } catch (java.io.EOFException e) {
            throw new IOException("truncated: the entry ends inside its content"); // EOFException has no message
        }
    }

    private static TokenTable body(DataInputStream in, int entryLength) throws IOException {
        // A checksum is no proof of a sane entry: every count and index is checked against what the entry can
        // hold before anything is allocated or looked up.
        String[] strings = new String[count(in.readInt(), entryLength / 2, "strings")];
        for (int i = 0; i < strings.length; i++) {
            strings[i] = in.readUTF();
        }
        int n = count(in.readInt(), entryLength / 36, "tokens");
        int[] sentence = new int[n], begin = new int[n], end = new int[n], head = new int[n];
        String[] word = new String[n], lemma = new String[n], pos = new String[n], ner = new String[n],
                relation = new String[n];
        for (int i = 0; i < n; i++) {
            sentence[i] = in.readInt();
            begin[i] = in.readInt();
            end[i] = in.readInt();
            head[i] = in.readInt();
            word[i] = strings[index(in.readInt(), strings.length)];
            lemma[i] = strings[index(in.readInt(), strings.length)];
            pos[i] = strings[index(in.readInt(), strings.length)];
            ner[i] = strings[index(in.readInt(), strings.length)];
            relation[i] = strings[index(in.readInt(), strings.length)];
            int previous = i == 0 ? 0 : sentence[i - 1];
            if (sentence[i] < previous || sentence[i] > previous + (i == 0 ? 0 : 1) || begin[i] < 0 || end[i] < begin[i]
                    || head[i] < -1 || head[i] >= n) {
                throw new IOException("token " + i + " is inconsistent");
            }
        }
        return new TokenTable(sentence, begin, end, word, lemma, pos, ner, head, relation);
    }

    private static int count(int value, int most, String what) throws IOException {
        if (value < 0 || value > most) {
            throw new IOException(what + " count " + value + " does not fit the entry");
        }
        return value;
    }

    private static int index(int value, int size) throws IOException {
        if (value < 0 || value >= size) {
            throw new IOException("string index " + value + " out of range");
        }
        return value;
    }
}
