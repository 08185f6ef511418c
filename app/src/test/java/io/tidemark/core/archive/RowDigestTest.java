package io.tidemark.core.archive;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The checksum is the documented encoding, byte for byte, whatever the sizes: archives written before still verify. */
class RowDigestTest {

    /** The encoding as RowDigest's documentation states it, written the plain way. */
    private static String reference(List<Object[]> rows) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        for (Object[] row : rows) {
            out.writeByte('R');
            for (Object v : row) {
                if (v == null) {
                    out.writeByte(0);
                } else if (v instanceof Long || v instanceof Integer) {
                    out.writeByte(1);
                    out.writeLong(((Number) v).longValue());
                } else if (v instanceof Boolean b) {
                    out.writeByte(1);
                    out.writeLong(b ? 1 : 0);
                } else if (v instanceof Double d) {
                    out.writeByte(2);
                    out.writeLong(Double.doubleToLongBits(d));
                } else if (v instanceof byte[] blob) {
                    out.writeByte(4);
                    out.writeInt(blob.length);
                    out.write(blob);
                } else {
                    byte[] text = v.toString().getBytes(StandardCharsets.UTF_8);
                    out.writeByte(3);
                    out.writeInt(text.length);
                    out.write(text);
                }
            }
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
    }

    @Test
    void equalsTheDocumentedEncodingForEveryKindAndSize() throws Exception {
        Random random = new Random(7);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            byte[] blob = new byte[i % 97 == 0 ? 70_000 + i : i % 300];
            random.nextBytes(blob);
            String text = i % 50 == 0 ? "x".repeat(70_000 + i) : i % 7 == 0 ? "héllo wörld ✓ " + i : "2026-11-" + (i % 30) + " 12:00:00+00";
            rows.add(new Object[] {(long) i, i % 3 == 0 ? null : text, blob, i * 0.5, i % 2 == 0, Integer.valueOf(i), ""});
        }
        RowDigest digest = new RowDigest();
        rows.forEach(digest::row);
        assertThat(digest.rows()).isEqualTo(5_000);
        assertThat(digest.hex()).isEqualTo(reference(rows));
        assertThat(new RowDigest().hex()).isEqualTo(reference(List.of()));
    }
}
