package com.replyguard.local.bench;

import com.replyguard.dynalite.Dynalite;
import com.replyguard.dynalite.ProjectLayout;
import com.replyguard.dynalite.SamTemplate;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Cold starts per function (docs/benchmarks.md): for each function of the template, fresh JVMs:
 * the naive baseline (the SDK's default client discovery, no JVM flags, no priming), the tuned
 * setup without priming (explicit clients, the template's JAVA_TOOL_OPTIONS) - both JVM start →
 * first response - and the first request after the function's priming (what remains for the first
 * request after a SnapStart restore); median of N runs; and each function's jar size.
 * SnapStart's restore itself happens only in AWS and is not measured here. Run:
 * {@code infra/local/benchmark coldstart [runs=5]}.
 */
public final class ColdStartBenchmark {
    private static final Pattern LINE = Pattern.compile("COLD (\\S+) (\\S+) jvmToHandler=(\\d+) init=(\\d+) prime=(\\d+) "
            + "firstRequest=(\\d+) jvmToFirstResponse=(\\d+)");

    private ColdStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String classpath = System.getProperty("java.class.path");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        System.out.printf("Cold starts on %d cores, Java %s, %d runs each (median), dynalite on localhost%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), runs);
        System.out.println("function | jar MB | naive: JVM start → first response | tuned, no priming | of which init | first request after priming | priming (moves into the snapshot)");
        try (Dynalite dynalite = Dynalite.start(); DynamoDbClient dynamo = dynalite.client()) {
            SamTemplate t = SamTemplate.read(ProjectLayout.template(), "");
            t.createMissingTables(dynamo);
            for (SamTemplate.Function f : t.functions()) {
                long[][] naive = new long[runs][];
                long[][] unprimed = new long[runs][];
                long[][] primed = new long[runs][];
                for (int i = 0; i < runs; i++) {
                    naive[i] = probe(java, classpath, f, "naive", dynalite.endpoint().toString());
                    unprimed[i] = probe(java, classpath, f, "unprimed", dynalite.endpoint().toString());
                    primed[i] = probe(java, classpath, f, "primed", dynalite.endpoint().toString());
                }
                System.out.printf("%s | %.1f | %d ms | %d ms | %d ms | %d ms | %d ms%n", f.logicalId(), jarMegabytes(f),
                        median(naive, 4), median(unprimed, 4), median(unprimed, 1), median(primed, 3), median(primed, 2));
            }
        }
    }

    private static long[] probe(String java, String classpath, SamTemplate.Function f, String mode, String endpoint)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(java));
        String options = f.environment().getOrDefault("JAVA_TOOL_OPTIONS", "");
        boolean naive = mode.equals("naive");
        if (!options.isBlank() && !naive) {
            command.addAll(Arrays.asList(options.trim().split("\\s+")));
        }
        if (naive) {
            // the SDK's default sync HTTP client (Apache) where the class path holds more than one
            command.add("-Dsoftware.amazon.awssdk.http.service.impl=software.amazon.awssdk.http.apache5.Apache5SdkHttpService");
        }
        command.addAll(List.of("-Dreplyguard.home=" + ProjectLayout.root(), "-cp", classpath, ColdStartProbe.class.getName(),
                f.logicalId(), mode, endpoint));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        if (naive) {
            // what the default chains find first in Lambda: the environment's region and credentials
            pb.environment().put("AWS_REGION", "us-east-1");
            pb.environment().put("AWS_ACCESS_KEY_ID", "local");
            pb.environment().put("AWS_SECRET_ACCESS_KEY", "local");
        }
        Process p = pb.start();
        String found = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("COLD ")) {
                    found = line;
                }
            }
        }
        if (p.waitFor() != 0 || found == null) {
            throw new IllegalStateException(f.logicalId() + " " + mode + " probe failed (exit " + p.exitValue() + ")");
        }
        Matcher m = LINE.matcher(found);
        if (!m.matches()) {
            throw new IllegalStateException("unexpected probe output: " + found);
        }
        long[] v = new long[5];
        for (int i = 0; i < 5; i++) {
            v[i] = Long.parseLong(m.group(i + 3));
        }
        return v; // jvmToHandler, init, prime, firstRequest, jvmToFirstResponse
    }

    private static long median(long[][] runs, int column) {
        long[] c = Arrays.stream(runs).mapToLong(r -> r[column]).sorted().toArray();
        return c[c.length / 2];
    }

    private static double jarMegabytes(SamTemplate.Function f) throws Exception {
        String module = switch (f.logicalId()) {
            case "IngestFunction" -> "ingest";
            case "ManagerApiFunction" -> "manager-api";
            case "DeadlineFunction" -> "deadline";
            case "EscalationFunction" -> "escalation";
            default -> "kpi";
        };
        Path jar = ProjectLayout.root().resolve("functions/" + module + "/target/replyguard-" + module + "-0.1.0-SNAPSHOT-lambda.jar");
        return Files.exists(jar) ? Files.size(jar) / 1_048_576.0 : Double.NaN;
    }
}
