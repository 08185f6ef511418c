package io.tidemark.core.logs;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One entry of the log tree: a group (service logs, tenants, a tenant's jobs or runs), a rotation family, a tenant, a job,
 * or a file. Sizes and dates of groups are their files' total and newest.
 *
 * @param kind      what it is
 * @param name      its name as shown
 * @param path      the file (FILE), or null
 * @param sizeBytes its size, or its files' total
 * @param modified  when it last changed, or its newest file's time; null when it has no files
 * @param tenant    the tenant it belongs to, or null for service logs
 * @param children  what is inside, in display order
 */
public record LogNode(Kind kind, String name, Path path, long sizeBytes, Instant modified, String tenant, List<LogNode> children) {

    /** The kinds of entries. */
    public enum Kind { GROUP, FAMILY, TENANT, JOB, FILE }

    public LogNode {
        children = List.copyOf(children);
    }

    /** A file. */
    public static LogNode file(String name, Path path, long size, Instant modified, String tenant) {
        return new LogNode(Kind.FILE, name, path, size, modified, tenant, List.of());
    }

    /** A group, family, tenant or job holding {@code children}, with their total size and newest time. */
    public static LogNode of(Kind kind, String name, String tenant, List<LogNode> children) {
        long size = 0;
        Instant newest = null;
        for (LogNode c : children) {
            size += c.sizeBytes;
            if (c.modified != null && (newest == null || c.modified.isAfter(newest))) {
                newest = c.modified;
            }
        }
        return new LogNode(kind, name, null, size, newest, tenant, children);
    }

    /** Every file below this entry (itself when it is one), in tree order. */
    public List<LogNode> files() {
        List<LogNode> files = new ArrayList<>();
        collect(files);
        return files;
    }

    private void collect(List<LogNode> into) {
        if (kind == Kind.FILE) {
            into.add(this);
        }
        for (LogNode c : children) {
            c.collect(into);
        }
    }

    /** This tree without the files {@code keep} rejects and without the entries left empty; null when nothing is left. */
    public LogNode filtered(Predicate<LogNode> keep) {
        if (kind == Kind.FILE) {
            return keep.test(this) ? this : null;
        }
        if (keep.test(this)) {
            return this;
        }
        List<LogNode> kept = new ArrayList<>();
        for (LogNode c : children) {
            LogNode k = c.filtered(keep);
            if (k != null) {
                kept.add(k);
            }
        }
        return kept.isEmpty() ? null : of(kind, name, tenant, kept);
    }

    /** The first entry (depth first) with this kind and name, or null. */
    public LogNode find(Kind wanted, String wantedName) {
        if (kind == wanted && name.equals(wantedName)) {
            return this;
        }
        for (LogNode c : children) {
            LogNode f = c.find(wanted, wantedName);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    /** The entry for file {@code file}, or null. */
    public LogNode fileAt(Path file) {
        if (kind == Kind.FILE && path.equals(file)) {
            return this;
        }
        for (LogNode c : children) {
            LogNode f = c.fileAt(file);
            if (f != null) {
                return f;
            }
        }
        return null;
    }
}
