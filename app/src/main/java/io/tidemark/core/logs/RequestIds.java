package io.tidemark.core.logs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds request IDs in a line: UUIDs, and the value of request_id= / x_request_id= / X-Request-ID:. */
public final class RequestIds {

    private static final Pattern UUID = Pattern.compile(
            "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
    private static final Pattern NAMED = Pattern.compile("(?i)\\b(?:x[-_])?request[-_]id[=:]\\s*\"?([A-Za-z0-9._-]{6,})");

    private RequestIds() {
    }

    /** The IDs in {@code line}, named ones first, without repeats. */
    public static List<String> in(String line) {
        Set<String> ids = new LinkedHashSet<>();
        Matcher named = NAMED.matcher(line);
        while (named.find()) {
            if (!named.group(1).equals("-")) {
                ids.add(named.group(1));
            }
        }
        Matcher uuid = UUID.matcher(line);
        while (uuid.find()) {
            ids.add(uuid.group());
        }
        return new ArrayList<>(ids);
    }
}
