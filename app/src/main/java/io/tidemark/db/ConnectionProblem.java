package io.tidemark.db;

import io.tidemark.core.DatabaseTarget;
import io.tidemark.core.TidemarkException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;

/** Turns a driver's connection failure into a sentence that tells the administrator what to fix. */
final class ConnectionProblem {

    private ConnectionProblem() {
    }

    /** Whether the server refused us only for want of a password, so asking for one may help. */
    static boolean needsPassword(SQLException e) {
        String state = e.getSQLState();
        String message = String.valueOf(e.getMessage());
        return "28P01".equals(state)
                || ("08004".equals(state) && message.contains("password"));
    }

    static TidemarkException explain(DatabaseTarget target, String user, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String where = target.location();
        Throwable root = rootCause(e);
        String sentence;
        if (root instanceof UnknownHostException) {
            sentence = "The database host '" + root.getMessage() + "' is unknown: check the host name in " + where + ".";
        } else if (root instanceof ConnectException || state.equals("08001")) {
            sentence = "No PostgreSQL server answers at " + where + " (" + root.getMessage()
                    + "): check the host and port, and that the server is running and accepts TCP connections.";
        } else if (state.equals("28P01")) {
            sentence = "The password for role '" + user + "' was rejected by " + where + ".";
        } else if (state.equals("08004") && String.valueOf(e.getMessage()).contains("password")) {
            sentence = "The server asks a password for role '" + user + "' and none was given: set PGPASSWORD, "
                    + "add a line to your pgpass file, or type it when asked.";
        } else if (state.equals("28000")) {
            sentence = "The server refused role '" + user + "': " + e.getMessage();
        } else if (state.equals("3D000")) {
            sentence = "The database in " + where + " does not exist on that server.";
        } else if (state.startsWith("08")) {
            sentence = "The connection to " + where + " failed: " + e.getMessage();
        } else {
            sentence = "Cannot open " + where + ": " + e.getMessage();
        }
        return new TidemarkException(sentence, e);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
