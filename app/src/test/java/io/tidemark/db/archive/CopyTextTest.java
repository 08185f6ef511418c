package io.tidemark.db.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.TestPostgres;
import io.tidemark.core.TidemarkException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * COPY text read back into values, against the real server: every value equals what the driver reads from the same
 * row (numbers, booleans and bytes by value, everything else as the server's own text), for values chosen to hit every
 * escape, null, the integer bounds and the special reals.
 */
class CopyTextTest {

    private static final String TABLE = "CREATE TABLE odd (id bigint PRIMARY KEY, small smallint, whole integer, big bigint,"
            + " dbl double precision, flt real, yes boolean, raw bytea, words text, name varchar(40), at timestamptz,"
            + " plain timestamp, day date, amount numeric(30,10), doc jsonb, guid uuid, span interval, tags int[])";

    @Test
    void everyValueEqualsTheDriversReading() throws Exception {
        try (Connection c = DriverManager.getConnection(TestPostgres.newDatabase())) {
            try (Statement s = c.createStatement()) {
                s.execute("SET TimeZone = 'America/New_York'"); // the export's own settings must win over the session's
                s.execute(TABLE);
                s.execute("INSERT INTO odd VALUES"
                        + " (1, -32768, -2147483648, -9223372036854775808, 'NaN', 'Infinity', true, '\\x', '', '', 'infinity',"
                        + "  '2026-11-21 23:59:59.999999', '2026-02-28', -0.0000000001, '{}', '00000000-0000-0000-0000-000000000000',"
                        + "  '1 day 02:03:04', '{}'),"
                        + " (2, 32767, 2147483647, 9223372036854775807, '-Infinity', '1.1', false, NULL, NULL, NULL, NULL, NULL,"
                        + "  NULL, NULL, NULL, NULL, NULL, NULL),"
                        + " (3, 0, 0, 0, 1e-300, 3.4e38, NULL, '\\x00ff5c09', E'tab\\there\\nnew\\rline\\\\back\\\\N\\bB\\fF' || chr(11) || 'V',"
                        + "  'élan ✓ 日本 🙂', '2026-11-21 12:34:56.789+05:30', '1999-12-31 00:00:00', '0001-01-01',"
                        + "  12345678901234567890.0123456789, '{\"a\": \"t\\tb\\\\\"}', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',"
                        + "  '-3 years 2 mons', '{1,NULL,3}'),"
                        + " (4, NULL, NULL, NULL, -0.0, -1.5e-45, true, decode(repeat('5c', 3) || '0a0d09', 'hex'), '\\N', '\\',"
                        + "  '1970-01-01 00:00:00+00', NULL, NULL, 'NaN', 'null', NULL, '0', NULL)");
                // every byte value once
                s.execute("INSERT INTO odd (id, raw) SELECT 5, string_agg(set_byte('\\x00'::bytea, 0, b), '' ORDER BY b) FROM generate_series(0, 255) b");
            }
            List<ArchivedTable.Column> columns = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM odd WHERE 1 = 0")) {
                ResultSetMetaData md = rs.getMetaData();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    columns.add(new ArchivedTable.Column(md.getColumnName(i), md.getColumnTypeName(i),
                            ArchivedTable.ValueKind.of(md.getColumnType(i), md.getColumnTypeName(i))));
                }
            }
            CopyText.Conversion[] conversions = columns.stream().map(CopyText.Conversion::of).toArray(CopyText.Conversion[]::new);
            assertThat(conversions).containsExactly(CopyText.Conversion.INTEGER, CopyText.Conversion.INTEGER, CopyText.Conversion.INTEGER,
                    CopyText.Conversion.INTEGER, CopyText.Conversion.DOUBLE, CopyText.Conversion.FLOAT, CopyText.Conversion.BOOLEAN,
                    CopyText.Conversion.BYTES, CopyText.Conversion.TEXT, CopyText.Conversion.TEXT, CopyText.Conversion.TEXT,
                    CopyText.Conversion.TEXT, CopyText.Conversion.TEXT, CopyText.Conversion.TEXT, CopyText.Conversion.TEXT,
                    CopyText.Conversion.TEXT, CopyText.Conversion.TEXT, CopyText.Conversion.TEXT);

            ExportSource.OWN.begin(c); // the export's transaction and settings
            List<byte[]> copied = new ArrayList<>();
            CopyOut out = c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT * FROM odd ORDER BY id) TO STDOUT");
            for (byte[] row; (row = out.readFromCopy()) != null; ) {
                copied.add(row);
            }
            StringBuilder asText = new StringBuilder("SELECT ");
            for (int i = 0; i < columns.size(); i++) {
                asText.append(i == 0 ? "" : ", ").append(columns.get(i).name()).append(", ").append(columns.get(i).name()).append("::text AS t").append(i);
            }
            int row = 0;
            try (PreparedStatement ps = c.prepareStatement(asText + " FROM odd ORDER BY 1"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byte[] line = copied.get(row++);
                    Object[] values = new Object[columns.size()];
                    CopyText.values(line, line.length, conversions, values);
                    List<String> fields = CopyText.fields(line, line.length);
                    for (int i = 0; i < columns.size(); i++) {
                        Object expected = expected(rs, 2 * i + 1, conversions[i]);
                        String label = "row " + row + ", " + columns.get(i).name();
                        if (expected instanceof byte[] b) {
                            assertThat((byte[]) values[i]).as(label).containsExactly(b);
                        } else {
                            assertThat(values[i]).as(label).isEqualTo(expected);
                        }
                        assertThat(fields.get(i)).as(label + " as text").isEqualTo(rs.getString(2 * i + 2) == null ? null
                                : conversions[i] == CopyText.Conversion.TEXT ? rs.getString(2 * i + 2) : fields.get(i));
                    }
                    assertThat(CopyText.integerField(line, line.length, 0)).isEqualTo(rs.getLong(1));
                }
            }
            assertThat(row).isEqualTo(5);
            // the timestamps are UTC whatever the session said
            assertThat(CopyText.fields(copied.get(2), copied.get(2).length).get(10)).isEqualTo("2026-11-21 07:04:56.789+00");
            c.rollback();
        }
    }

    private static Object expected(ResultSet rs, int column, CopyText.Conversion conversion) throws Exception {
        Object v = switch (conversion) {
            case INTEGER -> rs.getLong(column);
            case DOUBLE -> rs.getDouble(column);
            case FLOAT -> (double) rs.getFloat(column);
            case BOOLEAN -> rs.getBoolean(column) ? 1L : 0L;
            case BYTES -> rs.getBytes(column);
            case TEXT -> rs.getString(column + 1); // the server's text of the value
        };
        return rs.wasNull() ? null : v;
    }

    @Test
    void aRowThatIsNotWhatTheColumnsSayIsRefusedWithItsReason() {
        CopyText.Conversion[] two = {CopyText.Conversion.INTEGER, CopyText.Conversion.TEXT};
        Object[] values = new Object[2];
        assertThatThrownBy(() -> CopyText.values(bytes("1\ta\tb\n"), 6, two, values)).isInstanceOf(TidemarkException.class)
                .hasMessageContaining("3 fields where 2 were expected");
        assertThatThrownBy(() -> CopyText.values(bytes("1\n"), 2, two, values)).isInstanceOf(TidemarkException.class)
                .hasMessageContaining("1 fields where 2");
        assertThatThrownBy(() -> CopyText.values(bytes("x1\ta\n"), 5, two, values)).isInstanceOf(TidemarkException.class)
                .hasMessageContaining("'x1' is not an integer");
        assertThatThrownBy(() -> CopyText.values(bytes("99999999999999999999\ta\n"), 23, two, values))
                .isInstanceOf(TidemarkException.class).hasMessageContaining("not an integer");
        assertThatThrownBy(() -> CopyText.values(bytes("\\x0\n"), 4, new CopyText.Conversion[] {CopyText.Conversion.BYTES}, values))
                .isInstanceOf(TidemarkException.class).hasMessageContaining("hex");
        CopyText.values(bytes("-9223372036854775808\t\\N\n"), 24, two, values);
        assertThat(Arrays.asList(values)).containsExactly(Long.MIN_VALUE, null);
        assertThat(CopyText.integerField(bytes("7\t12\tx\n"), 7, 1)).isEqualTo(12);
        assertThat(CopyText.integerField(bytes("7\t\\N\tx\n"), 7, 1)).isEqualTo(Long.MIN_VALUE);
        assertThat(CopyText.integerField(bytes("7\n"), 2, 3)).isEqualTo(Long.MIN_VALUE);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
