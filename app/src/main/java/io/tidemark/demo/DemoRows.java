package io.tidemark.demo;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** The columns of the message-log family and how a generated message becomes rows of it. */
final class DemoRows {

    static final Map<String, List<String>> COLUMNS = Map.of(
            "cpimessagelog", List.of("id", "config_id", "message_guid", "iflow", "status", "log_start", "log_end"),
            "cpimessagelogruns", List.of("id", "message_log_id", "config_id", "run_start", "run_end", "status"),
            "cpipayload", List.of("id", "message_log_id", "config_id", "created_at", "content_type", "content"),
            "cpimessageattachment", List.of("id", "message_log_id", "config_id", "created_at", "name", "content"),
            "cpicustomheaderproperties", List.of("id", "message_log_id", "config_id", "name", "value"));

    private DemoRows() {
    }

    static void declare(RowSink sink, List<String> tables) throws SQLException {
        for (String table : tables) {
            sink.table(table, COLUMNS.get(table));
        }
    }

    /** Adds the message and its children; {@code counts} gets the rows added per table. */
    static void addMessage(RowSink sink, DemoMessage m, Map<String, Long> counts) throws SQLException {
        long tenant = m.tenant().id();
        sink.add("cpimessagelog", m.id(), tenant, m.guid(), m.iflow(), m.status(), m.start(), m.end());
        for (DemoMessage.Run run : m.runs()) {
            sink.add("cpimessagelogruns", run.id(), m.id(), tenant, run.start(), run.end(), run.status());
        }
        if (m.payload() != null) {
            sink.add("cpipayload", m.payload().id(), m.id(), tenant, m.end(), m.payload().contentType(), m.payload().content());
        }
        if (m.attachment() != null) {
            sink.add("cpimessageattachment", m.attachment().id(), m.id(), tenant, m.end(), m.attachment().name(),
                    m.attachment().content());
        }
        for (DemoMessage.Header h : m.headers()) {
            sink.add("cpicustomheaderproperties", h.id(), m.id(), tenant, h.name(), h.value());
        }
        counts.merge("cpimessagelog", 1L, Long::sum);
        counts.merge("cpimessagelogruns", (long) m.runs().size(), Long::sum);
        counts.merge("cpipayload", m.payload() == null ? 0L : 1L, Long::sum);
        counts.merge("cpimessageattachment", m.attachment() == null ? 0L : 1L, Long::sum);
        counts.merge("cpicustomheaderproperties", (long) m.headers().size(), Long::sum);
    }
}
