package io.tidemark.demo.servicelogs;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.UUID;

/** The platform's names (tenants, iFlows, users, clients) and the ids its programs print, drawn at random. */
final class Vocabulary {

    static final String[] TENANTS = {"acme-prod", "acme-qa", "globex-eu", "initech-hr", "umbrella-lab",
        "müller-logistik", "hooli-cloud", "stark-retail", "wayne-finance", "société-lumière"};
    static final String[] HOT_TENANTS = {"acme-prod", "globex-eu", "müller-logistik", "hooli-cloud",
        "stark-retail", "société-lumière"};
    static final String[] COLD_TENANTS = {"acme-qa", "initech-hr", "umbrella-lab", "wayne-finance"};
    static final String[] IFLOWS = {"SO_Create_SAP_to_Salesforce", "Invoice_Outbound_IDoc",
        "Employee_Replication_SF_to_S4", "Payment_Advice_Inbound", "Material_Master_Sync", "Delivery_Notification_EDI",
        "PurchaseOrder_Ariba_to_S4", "Customer_Master_Replication", "Timesheet_Export_Concur", "Stock_Level_Update_WMS"};
    static final String[] USERS = {"ops", "admin", "j.dupont", "m.müller", "s.okafor", "a.kowalska",
        "l.nguyen", "svc-grafana"};
    static final String[] JOBS = {"archive_cpi_day", "fetch_message_logs", "sync_iflows", "cleanup_logs"};
    static final String[] BROWSERS = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.5 Safari/605.1.15",
        "Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 Firefox/115.0",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0"};
    static final String[] TOOLS = {"python-requests/2.31.0", "curl/7.88.1", "Prometheus/2.42.0",
        "Grafana/10.4.2", "integramon-cli/2.3.1"};
    static final String[] PROBES = {"kube-probe/1.27", "Uptime-Kuma/1.23.11"};
    static final String[] SCANNERS = {"Mozilla/5.0 zgrab/0.x", "python-requests/2.28.1",
        "Mozilla/5.0 (compatible; CensysInspect/1.1; +https://about.censys.io/)"};
    static final String[] SCANNER_PATHS = {"/wp-login.php", "/.env", "/phpmyadmin/", "/.git/config",
        "/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php", "/actuator/health"};
    static final String[] STATIC_ASSETS = {"/static/js/main.8f3c2a1b.js", "/static/js/vendor.41d9e0c7.js",
        "/static/css/main.2b7e91f4.css", "/static/media/logo.5d1c3e2a.svg", "/favicon.ico",
        "/static/fonts/inter-var.woff2"};
    static final String SERVER_NAME = "integramon.example.com";
    static final String PG_VERSION = "PostgreSQL 15.18 (Debian 15.18-0+deb12u1) on x86_64-pc-linux-gnu, "
            + "compiled by gcc (Debian 12.2.0-14+deb12u1) 12.2.0, 64-bit";
    static final String SITE = "/usr/local/lib/python3.11/site-packages";

    /** The tenant's name without accents, as it appears in host names. */
    static String asciiName(String tenant) {
        return Normalizer.normalize(tenant, Normalizer.Form.NFD).replaceAll("[^\\p{ASCII}]", "");
    }

    static String cpiHost(String tenant) {
        return asciiName(tenant) + ".it-cpi018-rt.cfapps.eu10.hana.ondemand.com";
    }

    static int tenantId(String tenant) {
        return Arrays.asList(TENANTS).indexOf(tenant) + 1;
    }

    static boolean isCold(String tenant) {
        return Arrays.asList(COLD_TENANTS).contains(tenant);
    }

    static String messageGuid(SplittableRandom r) {
        // SAP CPI message GUIDs: 28 characters of URL-safe base64.
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        StringBuilder sb = new StringBuilder("AG");
        for (int i = 0; i < 26; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    static String shortName(String task) {
        return task.substring(task.lastIndexOf('.') + 1);
    }

    static String uuid(SplittableRandom random) {
        long most = (random.nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }

    @SafeVarargs
    static <T> T pick(SplittableRandom random, T... items) {
        return items[random.nextInt(items.length)];
    }

    static int pick(SplittableRandom random, int[] items) {
        return items[random.nextInt(items.length)];
    }

    private Vocabulary() {
    }
}
