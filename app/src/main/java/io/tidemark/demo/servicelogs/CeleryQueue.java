package io.tidemark.demo.servicelogs;

import io.tidemark.demo.servicelogs.TaskKind.Trouble;
import java.util.List;
import java.util.SplittableRandom;

/** A Celery worker program under supervisor: its queue, node name, pool size and tasks. */
record CeleryQueue(String family, String node, String queue, int concurrency, boolean beat, boolean cold,
                     TaskKind... kinds) {
    static final List<CeleryQueue> ALL = List.of(
        new CeleryQueue("celery-light", "light", "light", 8, false, false,
            new TaskKind("core.tasks.refresh_tenant_status", 40, 20, 400, new String[] {
                "request_id=$rid refreshing status tenant=$tenant",
                "request_id=$rid tenant=$tenant status=OK iflows=$small failed_last_hour=$tiny"},
                "{'tenant': '$tenant', 'ok': True}", Trouble.NONE, false),
            new TaskKind("core.tasks.update_cache", 25, 5, 120, new String[] {
                "request_id=$rid cache warmed key=dashboard:$cfg entries=$small"}, "None", Trouble.NONE, false),
            new TaskKind("core.tasks.record_heartbeat", 20, 1, 6, new String[] {
                "heartbeat ok redis_keys=$small queue_len=$tiny"}, "$small", Trouble.NONE, true),
            new TaskKind("core.tasks.send_webhook", 15, 40, 900, new String[] {
                "request_id=$rid posting status change tenant=$tenant iflow=$iflow"},
                "{'delivered': True, 'status': 200}", Trouble.WEBHOOK, false)),
        new CeleryQueue("celery-light-cold", "light-cold", "light_cold", 2, false, true,
            new TaskKind("core.tasks.refresh_tenant_status", 60, 40, 900, new String[] {
                "request_id=$rid refreshing status tenant=$tenant",
                "request_id=$rid tenant=$tenant status=OK iflows=$small failed_last_hour=$tiny"},
                "{'tenant': '$tenant', 'ok': True}", Trouble.NONE, false),
            new TaskKind("core.tasks.update_cache", 40, 5, 200, new String[] {
                "request_id=$rid cache warmed key=dashboard:$cfg entries=$small"}, "None", Trouble.NONE, false)),
        new CeleryQueue("celery-api-details", "api-details", "api_details", 6, false, false,
            new TaskKind("core.tasks.fetch_api_details", 100, 150, 4000, new String[] {
                "request_id=$rid fetching details tenant=$tenant guid=$guid iflow=$iflow",
                "request_id=$rid GET https://$cpihost/api/v1/MessageProcessingLogs('$guid')/ErrorInformation/$value "
                    + "status=200 elapsed_ms=$ms",
                "request_id=$rid stored error details guid=$guid bytes=$big"},
                "{'guid': '$guid', 'stored': True}", Trouble.HTTP_TIMEOUT, false)),
        new CeleryQueue("celery-api-details-cold", "api-details-cold", "api_details_cold", 2, false, true,
            new TaskKind("core.tasks.fetch_api_details", 100, 300, 9000, new String[] {
                "request_id=$rid fetching details tenant=$tenant guid=$guid iflow=$iflow",
                "request_id=$rid GET https://$cpihost/api/v1/MessageProcessingLogs('$guid')/ErrorInformation/$value "
                    + "status=200 elapsed_ms=$ms",
                "request_id=$rid stored error details guid=$guid bytes=$big"},
                "{'guid': '$guid', 'stored': True}", Trouble.HTTP_TIMEOUT, false)),
        new CeleryQueue("celery-alert-details", "alert-details", "alert_details", 4, false, false,
            new TaskKind("alerts.tasks.build_alert_details", 100, 60, 2500, new String[] {
                "request_id=$rid building details alert_id=$alert tenant=$tenant iflow=$iflow",
                "request_id=$rid attached $tiny failed messages to alert_id=$alert"},
                "{'alert_id': $alert, 'messages': $tiny}", Trouble.NONE, false)),
        new CeleryQueue("celery-alerts", "alerts", "alerts", 4, false, false,
            new TaskKind("alerts.tasks.evaluate_alert_rules", 60, 30, 1500, new String[] {
                "request_id=$rid evaluating $small rules tenant=$tenant",
                "request_id=$rid rule_id=$rule fired iflow=$iflow failed=$tiny threshold=5"},
                "{'evaluated': $small, 'fired': $tiny}", Trouble.NONE, false),
            new TaskKind("alerts.tasks.send_alert_notification", 40, 200, 3000, new String[] {
                "request_id=$rid sending alert_id=$alert channel=email to=ops@$tenant.example",
                "request_id=$rid alert_id=$alert delivered channel=teams status=200"},
                "True", Trouble.SMTP, false)),
        new CeleryQueue("celery-periodic", "periodic", "periodic", 2, true, false,
            new TaskKind("core.tasks.collect_metric_snapshot", 40, 200, 6000, new String[] {
                "request_id=$rid snapshot taken tenant=$tenant metrics=14 rows=$small"},
                "$small", Trouble.NONE, true),
            new TaskKind("core.tasks.dispatch_fetches", 30, 20, 400, new String[] {
                "request_id=$rid dispatched $tiny fetch tasks to queue medium"}, "$tiny", Trouble.NONE, true),
            new TaskKind("core.tasks.archive_cpi_day", 10, 5000, 240_000, new String[] {
                "request_id=$rid archiving tenant=$tenant day=$day days_ago=10",
                "request_id=$rid wrote /app/data/$tenant/archive/$tenant_$dayunder.archive.sqlite rows=$big",
                "request_id=$rid deleted $tiny archives older than 30 days tenant=$tenant"},
                "{'tenant': '$tenant', 'rows': $big}", Trouble.NONE, true),
            new TaskKind("core.tasks.cleanup_logs", 20, 100, 9000, new String[] {
                "request_id=$rid removed $small job logs older than 3 days tenant=$tenant"},
                "$small", Trouble.NONE, true)),
        new CeleryQueue("celery-ai", "ai", "ai", 2, false, false,
            new TaskKind("ai.tasks.summarize_failures", 60, 2000, 40_000, new String[] {
                "request_id=$rid summarizing $small failed messages tenant=$tenant iflow=$iflow model=gpt-4o-mini",
                "request_id=$rid summary stored tokens_in=$big tokens_out=$small"},
                "{'tenant': '$tenant', 'summary_id': $alert}", Trouble.RATE_LIMIT, false),
            new TaskKind("ai.tasks.classify_error", 40, 500, 6000, new String[] {
                "request_id=$rid classified guid=$guid category=mapping_error confidence=0.9$tiny"},
                "'mapping_error'", Trouble.RATE_LIMIT, false)),
        new CeleryQueue("celery-messagelog-process-batch", "messagelog-batch", "messagelog_batch", 8, false, false,
            new TaskKind("core.tasks.process_messagelog_batch", 100, 80, 6000, new String[] {
                "request_id=$rid processing batch tenant=$tenant batch_id=$alert rows=$small",
                "request_id=$rid batch_id=$alert inserted=$small updated=$tiny payloads=$small attachments=$tiny"},
                "{'inserted': $small, 'updated': $tiny}", Trouble.DUPLICATE, false)),
        new CeleryQueue("celery-messagelog-process-batch-cold", "messagelog-batch-cold", "messagelog_batch_cold", 2,
            false, true,
            new TaskKind("core.tasks.process_messagelog_batch", 100, 150, 12_000, new String[] {
                "request_id=$rid processing batch tenant=$tenant batch_id=$alert rows=$small",
                "request_id=$rid batch_id=$alert inserted=$small updated=$tiny payloads=$small attachments=$tiny"},
                "{'inserted': $small, 'updated': $tiny}", Trouble.DUPLICATE, false)),
        new CeleryQueue("celery-medium", "medium", "medium", 4, false, false,
            new TaskKind("core.tasks.fetch_message_logs", 60, 800, 60_000, new String[] {
                "request_id=$rid fetching message logs tenant=$tenant since=$since page_size=500",
                "request_id=$rid page 1 fetched rows=500 elapsed_ms=$ms",
                "request_id=$rid page 2 fetched rows=$small elapsed_ms=$ms",
                "request_id=$rid queued $tiny batches to messagelog_batch tenant=$tenant"},
                "{'tenant': '$tenant', 'fetched': $big}", Trouble.HTTP_TIMEOUT, false),
            new TaskKind("core.tasks.sync_iflows", 40, 400, 20_000, new String[] {
                "request_id=$rid listing integration packages tenant=$tenant",
                "request_id=$rid synced iflows tenant=$tenant added=$tiny updated=$tiny removed=0"},
                "{'tenant': '$tenant', 'iflows': $small}", Trouble.HTTP_TIMEOUT, false)),
        new CeleryQueue("worker", "worker", "celery", 4, false, false,
            new TaskKind("core.tasks.run_job", 70, 1000, 120_000, new String[] {
                "request_id=$rid job started tenant=$tenant job=$job run_id=$run",
                "request_id=$rid job finished tenant=$tenant job=$job run_id=$run status=success rows=$big"},
                "{'run_id': '$run', 'status': 'success'}", Trouble.NONE, false),
            new TaskKind("core.tasks.cleanup_config", 30, 2000, 60_000, new String[] {
                "request_id=$rid cleanup tenant=$tenant deleted $big rows from cpimessagelog (batch $tiny/12)",
                "request_id=$rid cleanup tenant=$tenant deleted $big rows from cpipayload (batch $tiny/12)"},
                "{'tenant': '$tenant', 'deleted': $big}", Trouble.NONE, false)));

    TaskKind kind(String name) {
        for (TaskKind kind : kinds) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        return kinds[0];
    }

    TaskKind pick(SplittableRandom random) {
        int total = 0;
        for (TaskKind kind : kinds) {
            total += kind.weight();
        }
        int roll = random.nextInt(total);
        for (TaskKind kind : kinds) {
            roll -= kind.weight();
            if (roll < 0) {
                return kind;
            }
        }
        return kinds[0];
    }
}
