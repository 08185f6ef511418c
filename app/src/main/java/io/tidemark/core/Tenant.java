package io.tidemark.core;

/**
 * A tenant of the platform (a "config" on the monitoring platform).
 *
 * @param id     its key in the tenant table
 * @param name   its name, which is also its folder name under DATA_DIR
 * @param active whether the platform still serves it
 */
public record Tenant(long id, String name, boolean active) {
}
