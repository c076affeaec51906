package com.replyguard.local.bench;

import com.replyguard.adapters.dynamodb.DynamoDbBreachStore;
import com.replyguard.adapters.dynamodb.DynamoDbConversationStore;
import com.replyguard.adapters.dynamodb.DynamoDbKpiStore;
import com.replyguard.assessment.Cycle;
import com.replyguard.assessment.KpiReport;
import com.replyguard.dynalite.Dynalite;
import com.replyguard.dynalite.ProjectLayout;
import com.replyguard.dynalite.SamTemplate;
import com.replyguard.intake.RawEvent;
import com.replyguard.merchant.AssessedHours;
import com.replyguard.merchant.Merchant;
import com.replyguard.merchant.MerchantId;
import com.replyguard.usecase.CloseKpiCycles;
import com.replyguard.usecase.FoldKpiCounters;
import com.replyguard.usecase.IngestEventBatch;
import com.replyguard.usecase.ReportKpiCounters;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * KPI report cost at two sizes of a cycle (docs/benchmarks.md): N conversations are ingested
 * (customer message, a reply after 0-120 s by one of 40 agents, every fifth rated) through the
 * ingest use case into dynalite, folded into counters by the KPI fold, and then the report is read
 * from the counters and, for contrast, recomputed from the per-cycle indexes. Prints, per size:
 * DynamoDB requests and latency per report, fold throughput and the daily check's recompute
 * throughput (conversations per second). Asserts nothing.
 * Run: {@code infra/local/benchmark kpi [sizes=1000,100000]}.
 */
public final class KpiReportBenchmark {
    private static final MerchantId BENCH = new MerchantId("bench");
    private static final Cycle CYCLE = Cycle.parse("2026-10-H1").orElseThrow();
    private static final Pattern COUNT = Pattern.compile("\"(\\w+)\":(\\d+)");

    private KpiReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length > 0 ? Arrays.stream(args[0].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {1_000, 100_000};
        System.out.printf("KPI report benchmark on %d cores, Java %s (dynalite, one process)%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        for (int n : sizes) {
            run(n);
        }
    }

    private static void run(int conversations) throws Exception {
        Merchant merchant = new Merchant(BENCH, List.of("bench-secret"), "bench-customer-hash-key".getBytes(StandardCharsets.UTF_8),
                AssessedHours.ALL_DAY);
        // time runs from the cycle's last day, so the counted figures are "live" ones
        Instant fakeNow = OffsetDateTime.parse("2026-10-15T12:00:00+08:00").toInstant();
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), fakeNow));
        try (Dynalite dynalite = Dynalite.start(); DynamoDbClient dynamo = dynalite.client()) {
            SamTemplate t = SamTemplate.read(ProjectLayout.template(), "");
            t.createMissingTables(dynamo);
            var store = new DynamoDbConversationStore(dynamo, t.tableName("ConversationsTable"));
            var kpis = new DynamoDbKpiStore(dynamo, t.tableName("KpisTable"));
            var ingest = new IngestEventBatch(store, new DynamoDbBreachStore(dynamo, t.tableName("BreachesTable")), clock);

            long loadStart = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> done = new ArrayList<>();
            int perBatch = 40; // conversations per webhook batch (about 100 events)
            for (int from = 0; from < conversations; from += perBatch) {
                int f = from;
                done.add(pool.submit(() -> ingest.ingest(merchant, batch(f, Math.min(conversations, f + perBatch)))));
            }
            for (Future<?> d : done) {
                d.get();
            }
            pool.shutdown();
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

            FoldKpiCounters fold = new FoldKpiCounters(store, kpis, clock);
            Thread.sleep(1_100); // the fold leaves the last second to the GSI
            dynalite.resetRequestCounts();
            long foldStart = System.nanoTime();
            int counted = 0;
            for (int n; (n = fold.pass()) > 0; ) {
                counted += n;
            }
            double foldSeconds = (System.nanoTime() - foldStart) / 1e9;
            long foldRequests = total(dynalite.requestCounts());

            ReportKpiCounters report = new ReportKpiCounters(kpis, clock);
            KpiReport r = report.report(BENCH, CYCLE).total();
            dynalite.resetRequestCounts();
            int reads = 50;
            long[] nanos = new long[reads];
            for (int i = 0; i < reads; i++) {
                long s = System.nanoTime();
                report.report(BENCH, CYCLE);
                nanos[i] = System.nanoTime() - s;
            }
            String counterRequests = dynalite.requestCounts();
            Arrays.sort(nanos);

            CloseKpiCycles cycles = new CloseKpiCycles(store, kpis, fold, (x, revision) -> { }, clock);
            dynalite.resetRequestCounts();
            long c = System.nanoTime();
            CloseKpiCycles.Check check = cycles.check(BENCH, CYCLE, false);
            double checkSeconds = (System.nanoTime() - c) / 1e9;
            String checkRequests = dynalite.requestCounts();

            System.out.printf("%n%,d conversations (loaded in %.1f s): first reply %d/%d, 3-min %d/%d, satisfaction %d/%d%n",
                    conversations, loadSeconds, r.firstReply2Min().met(), r.firstReply2Min().total(), r.reply3Min().met(),
                    r.reply3Min().total(), r.satisfaction().met(), r.satisfaction().total());
            System.out.printf("  report from counters: %.1f requests per report %s, latency p50 %.1f ms, max %.1f ms%n",
                    total(counterRequests) / (double) reads, perReport(counterRequests, reads), nanos[reads / 2] / 1e6,
                    nanos[reads - 1] / 1e6);
            System.out.printf("  fold: %,d conversations in %.1f s = %,.0f conversations/s, %.2f requests per conversation%n",
                    counted, foldSeconds, counted / foldSeconds, foldRequests / (double) Math.max(1, counted));
            System.out.printf("  daily check (recompute from the conversations + compare): %,d conversations in %.1f s = %,.0f"
                    + " conversations/s, %d requests %s, drift %s%n", check.conversations(), checkSeconds,
                    check.conversations() / checkSeconds, total(checkRequests), checkRequests,
                    check.drift().isEmpty() ? "none" : check.drift().counts().size() + " keys");
        }
    }

    private static List<RawEvent> batch(int from, int to) {
        List<RawEvent> events = new ArrayList<>();
        Instant cycleStart = CYCLE.from().toInstant();
        for (int i = from; i < to; i++) {
            // spread over the cycle's first 14 days, every 11 s
            Instant start = cycleStart.plusSeconds(3600L * 9 + (i * 11L) % (14L * 86_400));
            String c = "c" + i;
            events.add(raw("eventId", c + "-m", "type", "customer.message", "conversationId", c, "channel",
                    i % 3 == 0 ? "DIRECT_MESSAGE" : "CS_CHAT", "occurredAt", start.toString(), "customerId", "buyer-" + i));
            events.add(raw("eventId", c + "-r", "type", "agent.message", "conversationId", c, "agentId", "agent-" + (i % 40),
                    "occurredAt", start.plusSeconds((i * 7L) % 150).toString()));
            if (i % 5 == 0) {
                events.add(raw("eventId", c + "-s", "type", "conversation.rated", "conversationId", c,
                        "occurredAt", start.plusSeconds(600).toString(), "rating", 1 + (i / 5) % 5));
            }
        }
        return events;
    }

    private static RawEvent raw(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return RawEvent.of(m);
    }

    private static long total(String counts) {
        long sum = 0;
        Matcher m = COUNT.matcher(counts);
        while (m.find()) {
            sum += Long.parseLong(m.group(2));
        }
        return sum;
    }

    private static String perReport(String counts, int reads) {
        Map<String, Double> per = new LinkedHashMap<>();
        Matcher m = COUNT.matcher(counts);
        while (m.find()) {
            per.put(m.group(1), Long.parseLong(m.group(2)) / (double) reads);
        }
        return per.toString();
    }
}
