package io.tidemark.core.purge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges configuration maps the way xivo-purge-db does ({@code xivo.chain_map.ChainMap}): the maps are given highest
 * priority first; a key takes the value of the first map that has it; only when both values are maps are they merged,
 * key by key, with the same rule. Lists and scalars are never merged: the first one wins whole.
 * <p>xivo-purge-db chains {@code conf.d/} files in ascending name order followed by {@code config.yml}, so the
 * alphabetically <em>first</em> file of {@code conf.d/} wins over later ones, and every file over {@code config.yml}.
 */
public final class ConfigChain {

    private ConfigChain() {
    }

    /** The merge of {@code highestFirst}. */
    public static Map<String, Object> merge(List<Map<String, Object>> highestFirst) {
        Map<String, Object> merged = new LinkedHashMap<>();
        for (Map<String, Object> layer : highestFirst) {
            merged = deepUpdate(merged, layer);
        }
        return merged;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepUpdate(Map<String, Object> original, Map<String, Object> layer) {
        Map<String, Object> updated = new LinkedHashMap<>(original);
        if (layer == null) {
            return updated;
        }
        layer.forEach((key, value) -> {
            if (!updated.containsKey(key)) {
                updated.put(key, value instanceof Map<?, ?> m ? deepUpdate(new LinkedHashMap<>(), (Map<String, Object>) m) : value);
            } else if (updated.get(key) instanceof Map<?, ?> have && value instanceof Map<?, ?> more) {
                updated.put(key, deepUpdate((Map<String, Object>) have, (Map<String, Object>) more));
            }
        });
        return updated;
    }
}
