package io.tidemark.demo.servicelogs;

import static io.tidemark.demo.servicelogs.Vocabulary.SITE;
import static io.tidemark.demo.servicelogs.Vocabulary.shortName;

/** Tracebacks as Python 3.11 prints them, with the platform's paths. */
final class Tracebacks {
    static final String CONNECT_CHAIN = """
              File "%1$s/django/db/backends/base/base.py", line 219, in ensure_connection
                self.connect()
              File "%1$s/django/utils/asyncio.py", line 33, in inner
                return func(*args, **kwargs)
                       ^^^^^^^^^^^^^^^^^^^^^
              File "%1$s/django/db/backends/base/base.py", line 200, in connect
                self.connection = self.get_new_connection(conn_params)
                                  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
              File "%1$s/django/utils/asyncio.py", line 33, in inner
                return func(*args, **kwargs)
                       ^^^^^^^^^^^^^^^^^^^^^
              File "%1$s/django/db/backends/postgresql/base.py", line 187, in get_new_connection
                connection = Database.connect(**conn_params)
                             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
              File "%1$s/psycopg2/__init__.py", line 122, in connect
                conn = _connect(dsn, connection_factory=connection_factory, **kwasync)
                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
            """.formatted(SITE);

    static final String CURSOR_CHAIN = """
              File "%1$s/django/utils/asyncio.py", line 33, in inner
                return func(*args, **kwargs)
                       ^^^^^^^^^^^^^^^^^^^^^
              File "%1$s/django/db/backends/base/base.py", line 259, in cursor
                return self._cursor()
                       ^^^^^^^^^^^^^^
              File "%1$s/django/db/backends/base/base.py", line 235, in _cursor
                self.ensure_connection()
              File "%1$s/django/utils/asyncio.py", line 33, in inner
                return func(*args, **kwargs)
                       ^^^^^^^^^^^^^^^^^^^^^
              File "%1$s/django/db/backends/base/base.py", line 218, in ensure_connection
                with self.wrap_database_errors:
              File "%1$s/django/db/utils.py", line 90, in __exit__
                raise dj_exc_value.with_traceback(traceback) from exc_value
            """.formatted(SITE);

    static final String HANDLER_HEAD = """
            Traceback (most recent call last):
              File "%1$s/django/core/handlers/exception.py", line 47, in inner
                response = get_response(request)
                           ^^^^^^^^^^^^^^^^^^^^^
              File "%1$s/django/core/handlers/base.py", line 181, in _get_response
                response = wrapped_callback(request, *callback_args, **callback_kwargs)
                           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
            """.formatted(SITE);

    static final String CELERY_HEAD = """
            Traceback (most recent call last):
              File "%1$s/celery/app/trace.py", line 451, in trace_task
                R = retval = fun(*args, **kwargs)
                             ^^^^^^^^^^^^^^^^^^^^
              File "%1$s/celery/app/trace.py", line 734, in __protected_call__
                return self.run(*args, **kwargs)
                       ^^^^^^^^^^^^^^^^^^^^^^^^^
            """.formatted(SITE);

    static final String MIGRATE_HEAD = """
            Traceback (most recent call last):
              File "/app/manage.py", line 22, in <module>
                main()
              File "/app/manage.py", line 18, in main
                execute_from_command_line(sys.argv)
              File "%1$s/django/core/management/commands/migrate.py", line 92, in handle
                self.check(databases=[database])
              File "%1$s/django/db/migrations/executor.py", line 18, in __init__
                self.loader = MigrationLoader(self.connection)
                              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
            """.formatted(SITE);

    static final String REDIS_WRONGTYPE = """
            Traceback (most recent call last):
              File "/app/core/management/commands/publish_sync.py", line 41, in handle
                r.hset("status:monitor:%%d" %% m.pk, mapping={k: str(v) for k, v in snapshot.items()})
              File "%1$s/redis/commands/core.py", line 4841, in hset
                return self.execute_command("HSET", name, *items)
                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
              File "%1$s/redis/client.py", line 1238, in execute_command
                return conn.retry.call_with_retry(
                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^
              File "%1$s/redis/retry.py", line 46, in call_with_retry
                return do()
                       ^^^^
              File "%1$s/redis/client.py", line 1239, in <lambda>
                lambda: self._send_command_parse_response(
                        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
              File "%1$s/redis/client.py", line 1215, in _send_command_parse_response
                return self.parse_response(conn, command_name, **options)
                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
              File "%1$s/redis/client.py", line 1254, in parse_response
                response = connection.read_response()
                           ^^^^^^^^^^^^^^^^^^^^^^^^^^
              File "%1$s/redis/connection.py", line 839, in read_response
                raise response
            redis.exceptions.ResponseError: WRONGTYPE Operation against a key holding the wrong kind of value""".formatted(SITE);

    static final String WEBHOOK_GAVE_UP = CELERY_HEAD + """
              File "/app/core/tasks/webhooks.py", line 48, in send_webhook
                raise self.retry(exc=exc)
                      ^^^^^^^^^^^^^^^^^^^
              File "%1$s/celery/app/task.py", line 717, in retry
                raise_with_context(exc)
              File "/app/core/tasks/webhooks.py", line 45, in send_webhook
                urllib.request.urlopen(req, timeout=5)
              File "/usr/local/lib/python3.11/urllib/request.py", line 216, in urlopen
                return opener.open(url, data, timeout)
                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
              File "/usr/local/lib/python3.11/urllib/request.py", line 519, in open
                response = self._open(req, data)
                           ^^^^^^^^^^^^^^^^^^^^^
              File "/usr/local/lib/python3.11/urllib/request.py", line 1351, in do_open
                raise URLError(err)
            billiard.einfo.ExceptionWithTraceback:\s
            \"""
            Traceback (most recent call last):
              File "/usr/local/lib/python3.11/urllib/request.py", line 1348, in do_open
                h.request(req.get_method(), req.selector, req.data, headers,
              File "/usr/local/lib/python3.11/socket.py", line 836, in create_connection
                sock.connect(sa)
            ConnectionRefusedError: [Errno 111] Connection refused

            During handling of the above exception, another exception occurred:

            urllib.error.URLError: <urlopen error [Errno 111] Connection refused>
            \"""
            """.formatted(SITE);

    static String djangoDatabase(String view, String error) {
        return "Traceback (most recent call last):\n" + CONNECT_CHAIN + "psycopg2.OperationalError: " + error
                + "\n\nThe above exception was the direct cause of the following exception:\n\n" + HANDLER_HEAD
                + "  File \"/app/core/views.py\", line " + (40 + Math.abs(view.hashCode()) % 300) + ", in " + view
                + "\n    with connection.cursor() as cursor:\n         ^^^^^^^^^^^^^^^^^^^\n" + CURSOR_CHAIN
                + CONNECT_CHAIN + "django.db.utils.OperationalError: " + error + "\n";
    }

    static String celeryDatabase(String task, String error) {
        String function = shortName(task);
        return CELERY_HEAD + "  File \"/app/" + task.substring(0, task.lastIndexOf('.')).replace('.', '/')
                + ".py\", line " + (30 + Math.abs(task.hashCode()) % 200) + ", in " + function
                + "\n    config = CConfig.objects.get(name=tenant)\n             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n"
                + CURSOR_CHAIN + CONNECT_CHAIN + "django.db.utils.OperationalError: " + error + "\n";
    }

    static String reportBug(String iflow) {
        return HANDLER_HEAD + """
                  File "/app/reports/views.py", line 88, in sla_report
                    rows = build_sla_rows(tenant, month)
                           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
                  File "/app/reports/sla.py", line 57, in build_sla_rows
                    target = targets[iflow.name]
                             ~~~~~~~^^^^^^^^^^^^
                KeyError: '""" + iflow + "'\n";
    }

    static String readTimeout(String task, String host) {
        return CELERY_HEAD + "  File \"/app/" + task.substring(0, task.lastIndexOf('.')).replace('.', '/')
                + ".py\", line 64, in " + shortName(task) + "\n" + """
                    response = session.get(url, timeout=30)
                               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^
                  File "%1$s/requests/sessions.py", line 602, in get
                    return self.request("GET", url, **kwargs)
                           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
                  File "%1$s/requests/sessions.py", line 589, in request
                    resp = self.send(prep, **send_kwargs)
                           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
                  File "%1$s/requests/sessions.py", line 703, in send
                    r = adapter.send(request, **kwargs)
                        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
                  File "%1$s/requests/adapters.py", line 532, in send
                    raise ReadTimeout(e, request=request)
                """.formatted(SITE) + "requests.exceptions.ReadTimeout: HTTPSConnectionPool(host='" + host
                + "', port=443): Read timed out. (read timeout=30)\n";
    }

    static String duplicate(int config, String guid) {
        String detail = "DETAIL:  Key (config_id, message_guid)=(" + config + ", " + guid + ") already exists.\n";
        return """
                Traceback (most recent call last):
                  File "%1$s/django/db/backends/utils.py", line 84, in _execute
                    return self.cursor.execute(sql, params)
                           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
                psycopg2.errors.UniqueViolation: duplicate key value violates unique constraint "cpimessagelog_config_id_message_guid_uniq"
                """.formatted(SITE) + detail + "\n\nThe above exception was the direct cause of the following "
                + "exception:\n\n" + CELERY_HEAD + """
                  File "/app/core/tasks/messagelog.py", line 131, in process_messagelog_batch
                    CpiMessageLog.objects.bulk_create(new_rows, batch_size=500)
                  File "%1$s/django/db/models/query.py", line 514, in bulk_create
                    returned_columns = self._batched_insert(
                                       ^^^^^^^^^^^^^^^^^^^^^
                  File "%1$s/django/db/backends/utils.py", line 84, in _execute
                    return self.cursor.execute(sql, params)
                           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
                django.db.utils.IntegrityError: duplicate key value violates unique constraint "cpimessagelog_config_id_message_guid_uniq"
                """.formatted(SITE) + detail + "\n";
    }
}
