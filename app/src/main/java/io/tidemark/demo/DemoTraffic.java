package io.tidemark.demo;

import io.tidemark.core.demo.DemoSpec;
import io.tidemark.core.demo.DemoScale;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The demo platform's traffic model: how many messages each tenant logs each day (weights two orders of magnitude
 * apart, growth over the period, a weekly rhythm and one burst) and what those messages look like.
 */
final class DemoTraffic {

    private static final String[] TENANT_NAMES = {
        "acme-prod", "globex", "initech", "umbrella-eu", "hooli", "stark-industries", "wayne-enterprises", "cyberdyne",
        "tyrell", "soylent", "wonka-foods", "oscorp", "vandelay-import", "massive-dynamic", "aperture-labs",
        "black-mesa", "gringotts", "monarch-solutions", "nakatomi", "weyland", "bluth-company", "dunder-mifflin",
        "pied-piper", "los-pollos", "krusty-krab", "sterling-cooper", "prestige-worldwide", "rekall", "ingen",
        "virtucon", "genco", "duff-brewing", "planet-express", "sirius-cybernetics", "zorg-industries",
        "spacely-sprockets", "cogswell-cogs", "buy-n-large", "omni-consumer", "abstergo"};

    private static final String[] IFLOW_STEMS = {
        "Order_to_Cash_S4_to_Salesforce", "Invoice_Replication_Ariba", "Employee_Sync_SuccessFactors",
        "Material_Master_to_MDG", "Delivery_Notification_EDI_DESADV", "Purchase_Order_EDI_ORDERS",
        "Payment_Advice_Bank_Camt054", "Customer_Master_CRM_Replication", "Stock_Update_Warehouse",
        "Price_Condition_Distribution", "Shipment_Tracking_Carrier_API", "GL_Posting_Concur",
        "Time_Sheet_Replication", "Product_Catalog_Ecommerce", "Tax_Calculation_Vertex"};

    private static final String[] HEADER_NAMES = {"SAP_Sender", "SAP_Receiver", "SAP_MessageType", "SAP_ApplicationID",
        "SAP_MessageProcessingLogID", "X-Correlation-ID", "DocumentNumber"};

    private static final double[] HOUR_WEIGHTS = {
        0.3, 0.2, 0.2, 0.2, 0.3, 0.5, 0.9, 1.4, 1.9, 2.1, 2.2, 2.1, 1.7, 2.0, 2.2, 2.1, 1.9, 1.5, 1.0, 0.8, 0.6, 0.5, 0.4, 0.3};

    private final DemoSpec spec;
    private final List<DemoTenant> tenants;
    private final long burstTenant;
    private final LocalDate burstStart;
    private final double meanShape;
    private long nextMessageId = 1;
    private long nextRunId = 1;
    private long nextPayloadId = 1;
    private long nextAttachmentId = 1;
    private long nextHeaderId = 1;

    DemoTraffic(DemoSpec spec) {
        this.spec = spec;
        Random random = new Random(spec.seed());
        this.tenants = createTenants(spec, random);
        // The burst hits the busiest tenant, where it shows most on the charts.
        this.burstTenant = tenants.stream().max(java.util.Comparator.comparingDouble(DemoTenant::weight)).orElseThrow().id();
        this.burstStart = spec.firstDay().plusDays((long) (spec.days() * 0.7));
        double sum = 0;
        for (LocalDate d = spec.firstDay(); !d.isAfter(spec.lastDay()); d = d.plusDays(1)) {
            sum += growth(d) * weekly(d);
        }
        this.meanShape = sum / spec.days();
    }

    List<DemoTenant> tenants() {
        return tenants;
    }

    private static List<DemoTenant> createTenants(DemoSpec spec, Random random) {
        int n = spec.tenants();
        List<Double> weights = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            weights.add(Math.pow(100.0, k / (double) (n - 1)));
        }
        java.util.Collections.shuffle(weights, random);
        // The smallest tenant left the platform three weeks before the end: its rows stop, its folders stay.
        int leaver = weights.indexOf(java.util.Collections.min(weights));
        List<DemoTenant> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = i < TENANT_NAMES.length ? TENANT_NAMES[i] : TENANT_NAMES[i % TENANT_NAMES.length] + "-" + (i / TENANT_NAMES.length + 1);
            List<String> iflows = new ArrayList<>();
            int flowCount = 3 + random.nextInt(8);
            int first = random.nextInt(IFLOW_STEMS.length);
            for (int f = 0; f < flowCount; f++) {
                iflows.add(IFLOW_STEMS[(first + f) % IFLOW_STEMS.length]);
            }
            LocalDate lastActive = i == leaver && spec.days() > 30 ? spec.lastDay().minusDays(21) : spec.lastDay();
            String jobLogRoot = i == 1 ? "{data_dir}/cold-logs/{config}" : null;
            list.add(new DemoTenant(i + 1L, name, weights.get(i), List.copyOf(iflows), lastActive, jobLogRoot, i % 3 == 1));
        }
        return List.copyOf(list);
    }

    /** Traffic grows over the period, from a little over half to full. */
    private double growth(LocalDate day) {
        double position = spec.days() <= 1 ? 1 : (day.toEpochDay() - spec.firstDay().toEpochDay()) / (double) (spec.days() - 1);
        return 0.55 + 0.45 * position;
    }

    private static double weekly(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY ? 0.45 : dow == DayOfWeek.SUNDAY ? 0.35 : dow == DayOfWeek.MONDAY ? 1.1 : 1.0;
    }

    private double burst(DemoTenant tenant, LocalDate day) {
        long offset = day.toEpochDay() - burstStart.toEpochDay();
        return tenant.id() == burstTenant && offset >= 0 && offset < 3 ? 6.0 : 1.0;
    }

    /** Whether this tenant-day is inside the burst (for logs that mention it). */
    boolean inBurst(DemoTenant tenant, LocalDate day) {
        return burst(tenant, day) > 1;
    }

    /** How many messages the tenant logs that day. */
    int messageCount(DemoTenant tenant, LocalDate day, Random random) {
        if (day.isAfter(tenant.lastActiveDay())) {
            return 0;
        }
        double totalWeight = tenants.stream().mapToDouble(DemoTenant::weight).sum();
        double expected = spec.scale().messagesPerTenantDay() * tenants.size() * tenant.weight() / totalWeight
                * growth(day) * weekly(day) / meanShape * burst(tenant, day);
        double noisy = expected * (1 + 0.1 * random.nextGaussian());
        return (int) Math.max(0, Math.round(noisy));
    }

    /** The day's messages of every tenant, interleaved in time order so keys grow with time as on the real platform. */
    List<DemoMessage> messages(LocalDate day, Random random) {
        record Pending(DemoTenant tenant, Instant start) {
        }
        List<Pending> pending = new ArrayList<>();
        for (DemoTenant tenant : tenants) {
            int count = messageCount(tenant, day, random);
            for (int i = 0; i < count; i++) {
                pending.add(new Pending(tenant, timeOfDay(day, random)));
            }
        }
        pending.sort(java.util.Comparator.comparing(Pending::start).thenComparing(p -> p.tenant().id()));
        List<DemoMessage> messages = new ArrayList<>(pending.size());
        for (Pending p : pending) {
            messages.add(message(p.tenant(), p.start(), random));
        }
        return messages;
    }

    private static Instant timeOfDay(LocalDate day, Random random) {
        double total = 0;
        for (double w : HOUR_WEIGHTS) {
            total += w;
        }
        double pick = random.nextDouble() * total;
        int hour = 0;
        while (hour < 23 && pick >= HOUR_WEIGHTS[hour]) {
            pick -= HOUR_WEIGHTS[hour];
            hour++;
        }
        long micros = (long) (random.nextDouble() * 3_600_000_000L);
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(hour * 3600L).plusNanos(micros * 1000);
    }

    private DemoMessage message(DemoTenant tenant, Instant start, Random random) {
        long id = nextMessageId++;
        String iflow = tenant.iflows().get(random.nextInt(tenant.iflows().size()));
        double roll = random.nextDouble();
        String status = roll < 0.91 ? "COMPLETED" : roll < 0.95 ? "FAILED" : roll < 0.97 ? "RETRY" : roll < 0.99 ? "ESCALATED" : "CANCELLED";
        long durationMillis = (long) Math.min(300_000, Math.exp(6.5 + 1.3 * random.nextGaussian()));
        Instant end = start.plusMillis(durationMillis);
        List<DemoMessage.Run> runs = new ArrayList<>();
        int runCount = status.equals("COMPLETED") ? 1 : 1 + random.nextInt(3);
        Instant runStart = start;
        for (int r = 0; r < runCount; r++) {
            Instant runEnd = runStart.plusMillis(durationMillis / runCount + random.nextInt(500));
            String runStatus = r == runCount - 1 ? status : "FAILED";
            runs.add(new DemoMessage.Run(nextRunId++, runStart, runEnd, runStatus));
            runStart = runEnd.plusMillis(200 + random.nextInt(2_000));
        }
        DemoMessage.Payload payload = null;
        // Failed messages keep their payload more often: that is what support looks at.
        if (random.nextDouble() < spec.scale().payloadShare() * (status.equals("COMPLETED") ? 1 : 3)) {
            boolean json = random.nextInt(3) == 0;
            payload = new DemoMessage.Payload(nextPayloadId++, json ? "application/json" : "application/xml",
                    payloadContent(iflow, json, random));
        }
        DemoMessage.Attachment attachment = null;
        if (random.nextDouble() < spec.scale().attachmentShare()) {
            attachment = attachment(random);
        }
        List<DemoMessage.Header> headers = new ArrayList<>();
        int headerCount = random.nextInt(5);
        for (int h = 0; h < headerCount; h++) {
            String name = HEADER_NAMES[(h * 3 + random.nextInt(2)) % HEADER_NAMES.length];
            headers.add(new DemoMessage.Header(nextHeaderId++, name, headerValue(name, tenant, random)));
        }
        return new DemoMessage(id, tenant, guid(random), iflow, status, start, end, runs, payload, attachment, headers);
    }

    private static String guid(Random random) {
        byte[] bytes = new byte[20];
        random.nextBytes(bytes);
        return "AG" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).substring(0, 26);
    }

    private static String headerValue(String name, DemoTenant tenant, Random random) {
        return switch (name) {
            case "SAP_Sender" -> "S4H_" + tenant.name().toUpperCase(Locale.ROOT).replace('-', '_') + "_100";
            case "SAP_Receiver" -> random.nextBoolean() ? "SALESFORCE_PROD" : "ARIBA_NETWORK";
            case "SAP_MessageType" -> random.nextBoolean() ? "ORDERS05" : "INVOIC02";
            case "DocumentNumber" -> String.format(Locale.ROOT, "%010d", random.nextInt(1_000_000_000));
            default -> new java.util.UUID(random.nextLong(), random.nextLong()).toString();
        };
    }

    /** An XML or JSON business document of a realistic size (lognormal, a few kilobytes, rarely hundreds). */
    private byte[] payloadContent(String iflow, boolean json, Random random) {
        double median = spec.scale() == DemoScale.LARGE ? 600 : 2_500;
        int target = (int) Math.min(256 * 1024, Math.max(300, median * Math.exp(0.9 * random.nextGaussian())));
        StringBuilder doc = new StringBuilder(target + 256);
        int item = 1;
        if (json) {
            doc.append("{\"flow\":\"").append(iflow).append("\",\"documentId\":\"").append(random.nextInt(99_999_999))
                    .append("\",\"items\":[");
            while (doc.length() < target) {
                doc.append(item > 1 ? "," : "").append("{\"line\":").append(item++).append(",\"material\":\"MAT-")
                        .append(10_000 + random.nextInt(89_999)).append("\",\"quantity\":").append(1 + random.nextInt(500))
                        .append(",\"unitPrice\":").append(random.nextInt(100_000) / 100.0).append(",\"currency\":\"EUR\"}");
            }
            doc.append("]}");
        } else {
            doc.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ns0:").append(iflow).append(" xmlns:ns0=\"urn:demo:")
                    .append(iflow.toLowerCase(Locale.ROOT)).append("\">\n  <Header><DocumentId>").append(random.nextInt(99_999_999))
                    .append("</DocumentId></Header>\n");
            while (doc.length() < target) {
                doc.append("  <Item><Line>").append(item++).append("</Line><Material>MAT-").append(10_000 + random.nextInt(89_999))
                        .append("</Material><Quantity>").append(1 + random.nextInt(500)).append("</Quantity><Price currency=\"EUR\">")
                        .append(random.nextInt(100_000) / 100.0).append("</Price></Item>\n");
            }
            doc.append("</ns0:").append(iflow).append(">\n");
        }
        return doc.toString().getBytes(StandardCharsets.UTF_8);
    }

    private DemoMessage.Attachment attachment(Random random) {
        int size = (int) Math.min(2 * 1024 * 1024, Math.max(2_000, 24_000 * Math.exp(1.1 * random.nextGaussian())));
        byte[] content = new byte[size];
        random.nextBytes(content);
        String[] kinds = {"pdf", "xlsx", "zip", "png"};
        String kind = kinds[random.nextInt(kinds.length)];
        byte[] magic = switch (kind) {
            case "pdf" -> "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
            case "png" -> new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
            default -> new byte[] {'P', 'K', 3, 4};
        };
        System.arraycopy(magic, 0, content, 0, magic.length);
        String name = (kind.equals("png") ? "scan-" : kind.equals("pdf") ? "invoice-" : "export-")
                + (100_000 + random.nextInt(900_000)) + "." + kind;
        return new DemoMessage.Attachment(nextAttachmentId++, name, content);
    }
}
