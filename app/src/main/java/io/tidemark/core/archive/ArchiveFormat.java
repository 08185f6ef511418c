package io.tidemark.core.archive;

/** The two archive formats the platform writes, by the file name's suffix and the archive table's {@code format} value. */
public enum ArchiveFormat {
    /** A SQLite file with the rows and a manifest: {@code <config>_YYYY_MM_DD.archive.sqlite}. */
    SQLITE("sqlite", ".archive.sqlite"),
    /** A plain SQL script with COPY blocks, restorable with {@code psql -f}: {@code <config>_YYYY_MM_DD.archive}. */
    POSTGRES("postgres", ".archive");

    private final String label;
    private final String suffix;

    ArchiveFormat(String label, String suffix) {
        this.label = label;
        this.suffix = suffix;
    }

    /** The value of the archive table's {@code format} column, and of {@code --format}. */
    public String label() {
        return label;
    }

    /** The file name's suffix before an optional {@code .gz}. */
    public String suffix() {
        return suffix;
    }

    /** The format of a {@code --format} value or archive-table value ("sqlite", "postgres", "postgresql", "pg"). */
    public static ArchiveFormat parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (t) {
            case "sqlite", "sqlite3" -> SQLITE;
            case "postgres", "postgresql", "pg" -> POSTGRES;
            default -> throw new io.tidemark.core.TidemarkException("Unknown archive format '" + text + "': use sqlite or postgres.");
        };
    }
}
