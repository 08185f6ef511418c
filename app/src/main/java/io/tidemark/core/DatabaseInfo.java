package io.tidemark.core;

/**
 * What Tidemark learnt about a database when it connected.
 *
 * @param kind           the engine
 * @param version        the server's version ("15.19", "3.46.1")
 * @param name           the database name, or the SQLite file name
 * @param role           the role Tidemark works as (PostgreSQL), or the OS user (SQLite)
 * @param readOnly       whether Tidemark may change nothing
 * @param readOnlyReason why, in the administrator's words, when read-only
 */
public record DatabaseInfo(DatabaseKind kind, String version, String name, String role, boolean readOnly,
                           String readOnlyReason) {

    /** "PostgreSQL 15.19" or "SQLite 3.46.1". */
    public String engineLabel() {
        return kind.displayName() + " " + version;
    }
}
