package io.tidemark.core.purge;

import io.tidemark.core.TidemarkException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetentionPolicyTest {

    private static final List<String> TABLES = List.of("cel", "queue_log", "stat_agent_periodic");

    @Test
    void perTableDaysReadAsTypedAndWrittenBack() {
        Map<String, Integer> parsed = RetentionPolicy.parsePerTable(" CEL=90,queue_log = 30 ;stat_agent_periodic=0 ", TABLES);
        assertThat(parsed).containsExactly(Map.entry("cel", 90), Map.entry("queue_log", 30), Map.entry("stat_agent_periodic", 0));
        assertThat(RetentionPolicy.formatPerTable(parsed)).isEqualTo("cel=90, queue_log=30, stat_agent_periodic=0");
        assertThat(RetentionPolicy.parsePerTable("  ", TABLES)).isEmpty();
    }

    @Test
    void aWrongEntryIsNamed() {
        assertThatThrownBy(() -> RetentionPolicy.parsePerTable("cel=90, nosuch=3", TABLES)).isInstanceOf(TidemarkException.class)
                .hasMessageContaining("no table 'nosuch'").hasMessageContaining("queue_log");
        assertThatThrownBy(() -> RetentionPolicy.parsePerTable("cel", TABLES)).hasMessageContaining("'cel' is not table=days");
        assertThatThrownBy(() -> RetentionPolicy.parsePerTable("cel=ninety", TABLES)).hasMessageContaining("whole number");
        assertThatThrownBy(() -> RetentionPolicy.parsePerTable("cel=-1", TABLES)).hasMessageContaining("negative");
        assertThatThrownBy(() -> RetentionPolicy.parsePerTable("cel=1 CEL=2", TABLES)).hasMessageContaining("given twice");
    }
}
