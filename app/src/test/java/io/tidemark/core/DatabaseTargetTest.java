package io.tidemark.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseTargetTest {

    @Test
    void readsEveryWayAnAdministratorWritesADatabase() {
        assertThat(DatabaseTarget.parse("jdbc:postgresql://db:5432/x?sslmode=require"))
                .isEqualTo(new DatabaseTarget(DatabaseKind.POSTGRESQL, "jdbc:postgresql://db:5432/x?sslmode=require"));
        assertThat(DatabaseTarget.parse("postgresql://db/x").location()).isEqualTo("jdbc:postgresql://db/x");
        assertThat(DatabaseTarget.parse("postgresql://auditor@db:5433/x?sslmode=require").location())
                .isEqualTo("jdbc:postgresql://db:5433/x?sslmode=require&user=auditor");
        assertThatThrownBy(() -> DatabaseTarget.parse("postgresql://auditor:s3cret@db/x")).isInstanceOf(TidemarkException.class)
                .hasMessageContaining("never keeps").hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> DatabaseTarget.parse("jdbc:postgresql://db/x?user=a&password=s3cret")).isInstanceOf(TidemarkException.class)
                .hasMessageNotContaining("s3cret");
        assertThat(DatabaseTarget.parse("jdbc:postgresql:x").location()).isEqualTo("jdbc:postgresql://localhost:5432/x");
        assertThat(DatabaseTarget.parse("jdbc:postgresql:x").shortName()).isEqualTo("x@localhost:5432");
        assertThat(DatabaseTarget.parse("jdbc:sqlite:/data/db.sqlite3")).isEqualTo(new DatabaseTarget(DatabaseKind.SQLITE, "/data/db.sqlite3"));
        assertThat(DatabaseTarget.parse("  /data/db.sqlite3 ").kind()).isEqualTo(DatabaseKind.SQLITE);
        assertThatThrownBy(() -> DatabaseTarget.parse("jdbc:mysql://db/x")).isInstanceOf(TidemarkException.class).hasMessageContaining("Unsupported");
        assertThatThrownBy(() -> DatabaseTarget.parse(" ")).isInstanceOf(TidemarkException.class);
        assertThat(DatabaseTarget.parse("/data/db.sqlite3").shortName()).isEqualTo("db.sqlite3");
        assertThat(DatabaseTarget.parse("jdbc:postgresql://db.example.com:5432/integramon?sslmode=require").shortName())
                .isEqualTo("integramon@db.example.com:5432");
    }

    @Test
    void formatsSizesAsPgSizePrettyDoes() {
        assertThat(ByteSize.format(812)).isEqualTo("812 bytes");
        assertThat(ByteSize.format(10 * 1024)).isEqualTo("10 kB");
        assertThat(ByteSize.format(3_435_973_837L)).isEqualTo("3.2 GB");
        assertThat(ByteSize.format(-1)).isEqualTo("unknown");
        assertThat(ByteSize.count(1_204_331)).isEqualTo("1,204,331");
    }
}
