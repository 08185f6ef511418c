package io.tidemark.demo;

import java.time.Instant;
import java.util.List;

/** One generated message log with its children, kept in memory for the day it belongs to. */
record DemoMessage(long id, DemoTenant tenant, String guid, String iflow, String status, Instant start, Instant end,
                   List<Run> runs, Payload payload, Attachment attachment, List<Header> headers) {

    record Run(long id, Instant start, Instant end, String status) {
    }

    record Payload(long id, String contentType, byte[] content) {
    }

    record Attachment(long id, String name, byte[] content) {
    }

    record Header(long id, String name, String value) {
    }

    /** Rows this message puts in the database, itself included. */
    int rowCount() {
        return 1 + runs.size() + (payload == null ? 0 : 1) + (attachment == null ? 0 : 1) + headers.size();
    }
}
