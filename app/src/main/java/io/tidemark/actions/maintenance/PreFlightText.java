package io.tidemark.actions.maintenance;

import io.tidemark.core.ByteSize;
import io.tidemark.core.maintenance.LockHolder;
import io.tidemark.core.maintenance.PreFlight;
import io.tidemark.core.maintenance.TableEstimate;
import java.io.PrintWriter;
import java.io.StringWriter;

/** The pre-flight report as an administrator reads it, the same in the terminal and in the window. */
public final class PreFlightText {

    private PreFlightText() {
    }

    /** The report, several lines. */
    public static String format(PreFlight plan) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        out.printf("%s · %s%n", plan.request().describe(), plan.engine());
        plan.statements().forEach(s -> out.println("  " + s + ";"));
        out.printf("%n%-28s %10s %10s %10s %12s %12s %16s%n", "Table", "Total", "Table", "Indexes", "Live rows", "Dead rows", "Reclaim");
        for (TableEstimate t : plan.tables()) {
            out.printf("%-28s %10s %10s %10s %12s %12s %16s%n", t.table(), ByteSize.format(t.totalBytes()), ByteSize.format(t.tableBytes()),
                    ByteSize.format(t.indexBytes()), t.liveRows() < 0 ? "-" : ByteSize.count(t.liveRows()),
                    t.deadRows() < 0 ? "-" : ByteSize.count(t.deadRows()),
                    t.reclaimBytes() < 0 ? "?" : ByteSize.format(t.reclaimBytes()) + (t.errorBytes() > 0 ? " ± " + ByteSize.format(t.errorBytes()) : ""));
        }
        out.println();
        if (plan.reclaimBytes() > 0 || plan.request().kind().needsTypedName()) {
            out.printf("Reclaim    %s ± %s, %s%n", ByteSize.format(plan.reclaimBytes()), ByteSize.format(plan.errorBytes()), plan.reclaimMethod());
        }
        if (plan.diskNeededBytes() >= 0) {
            out.printf("Disk       needs %s free; %s%n", ByteSize.format(plan.diskNeededBytes()),
                    plan.diskFreeBytes() >= 0 ? ByteSize.format(plan.diskFreeBytes()) + " " + plan.diskNote() : plan.diskNote());
        }
        out.printf("Duration   %s%s%n", plan.expectedSeconds() >= 0 ? "about " + plan.expectedSeconds() + " s, from " : "", plan.durationNote());
        out.printf("Lock wait  at most %.1f s (lock_timeout)%n", plan.request().options().lockTimeout().toMillis() / 1000.0);
        if (plan.locks().isEmpty()) {
            out.println("Locks      no other session holds a lock on " + (plan.tables().size() == 1 ? "the table" : "these tables") + " now");
        } else {
            out.println("Locks      held or awaited now:");
            for (LockHolder l : plan.locks()) {
                out.println("  " + l.describe() + (l.query() == null ? "" : ": " + l.query().replaceAll("\\s+", " ")));
            }
        }
        plan.warnings().forEach(w -> out.println("warning: " + w));
        if (plan.refusal() != null) {
            out.println("Refused: " + plan.refusal());
        }
        out.flush();
        return text.toString();
    }
}
