package io.tidemark.demo.servicelogs;

import static io.tidemark.demo.servicelogs.Durations.SECOND;

/** The migrate program: Django migrate and collectstatic at start, then a schema check loop. */
final class MigrateLog extends ShellWrapperLog {
    private static final String APPS = "admin, ai, alerts, auth, contenttypes, core, django_celery_beat, "
            + "django_celery_results, reports, sessions";
    private static final String[] MIGRATIONS = {"core.0187_cpimessagelog_log_start_idx",
        "core.0188_cpiarchive_sha256", "core.0189_cworkerjobrun_status_idx", "alerts.0031_alertrule_cooldown",
        "alerts.0032_alert_details_json", "ai.0007_summary_model_name", "reports.0012_sla_target_by_iflow"};
    private int applied;

    MigrateLog(Platform platform) {
        super("migrate", platform);
    }

    @Override
    void everyday(long at) {
        String error = platform.databaseError(at, random);
        if (error != null) {
            failed(at, error);
            return;
        }
        int roll = random.nextInt(10);
        if (roll < 5) {
            sayAlone(at, "checking for unapplied migrations");
            sayAlone(at + between(1, 3) * SECOND, "schema up to date ("
                    + (412 + applied) + " migrations applied)");
        } else if (roll < 8) {
            migrate(at, false);
        } else if (roll < 9) {
            sayAlone(at, "python manage.py clearsessions");
            sayAlone(at + between(1, 4) * SECOND, "removed " + random.nextInt(300) + " expired sessions");
        } else {
            long t = at;
            say(t, "python manage.py check --deploy").append("\nSystem check identified some issues:\n\nWARNINGS:\n"
                    + "?: (security.W004) You have not set a value for the SECURE_HSTS_SECONDS setting. If your "
                    + "entire site is served only over SSL, you may want to consider setting a value and enabling "
                    + "HTTP Strict Transport Security. Be sure to read the documentation first; enabling HSTS "
                    + "carelessly can cause serious, irreversible problems.\n"
                    + "?: (security.W008) Your SECURE_SSL_REDIRECT setting is not set to True. Unless your site "
                    + "should be available over both SSL and non-SSL connections, you may want to either set this "
                    + "setting True or configure a load balancer or reverse-proxy server to redirect all "
                    + "connections to HTTPS.\n\nSystem check identified 2 issues (0 silenced).");
            emitSeconds(t);
        }
    }

    private void migrate(long at, boolean starting) {
        long t = at;
        StringBuilder sb = say(t, "python manage.py migrate --noinput")
                .append("\nOperations to perform:\n  Apply all migrations: ").append(APPS)
                .append("\nRunning migrations:\n");
        if (starting && applied < MIGRATIONS.length) {
            int count = Math.min(MIGRATIONS.length - applied, between(1, 3));
            for (int i = 0; i < count; i++) {
                sb.append("  Applying ").append(MIGRATIONS[applied++]).append("... OK\n");
            }
        } else {
            sb.append("  No migrations to apply.\n");
            if (chance(0.15)) {
                sb.append("  Your models in app(s): 'core' have changes that are not yet reflected in a "
                        + "migration, and so won't be applied.\n  Run 'manage.py makemigrations' to make new "
                        + "migrations, and then re-run 'manage.py migrate' to apply them.\n");
            }
        }
        emitSeconds(t);
        t += between(2, 6) * SECOND;
        say(t, "python manage.py collectstatic --noinput").append('\n').append(starting ? between(0, 40) : 0)
                .append(" static files copied to '/app/staticfiles', ").append(1342 + applied)
                .append(" unmodified.");
        emitSeconds(t);
        t += between(1, 3) * SECOND;
        sayAlone(t, "done in " + (t - at) / 1000 + "." + random.nextInt(10) + "s");
    }

    private void failed(long at, String error) {
        StringBuilder sb = say(at, "python manage.py migrate --noinput").append('\n');
        sb.append(Tracebacks.MIGRATE_HEAD).append(Tracebacks.CONNECT_CHAIN)
                .append("django.db.utils.OperationalError: ").append(error).append('\n');
        emitSeconds(at);
        sayAlone(at + SECOND, "migrate failed (exit 1), retrying in 10s");
    }

    @Override
    void containerRestarts(long at, long back) {
        long t = back + 3 * SECOND;
        sayAlone(t, "waiting for pg-init");
        migrate(t + 2 * SECOND, true);
        quietUntil = t + 20 * SECOND;
    }
}
