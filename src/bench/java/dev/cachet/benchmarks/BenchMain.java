package dev.cachet.benchmarks;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs the JMH benchmarks (any JMH command-line options, e.g. a name filter) and then prints each
 * measured rate as a ratio to the raw signature or verification rate of the same run.
 */
public final class BenchMain {

    private BenchMain() {
    }

    /**
     * Runs the benchmarks.
     *
     * @param args JMH options
     */
    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        Collection<RunResult> results = new Runner(new CommandLineOptions(args)).run();
        Map<String, Double> scores = new TreeMap<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark().replace("dev.cachet.benchmarks.", "");
            String key = result.getParams().getParam("caKey");
            String entries = result.getParams().getParam("entries");
            String suffix = key != null ? "[" + key + "]" : entries != null ? "[" + entries + "]" : "";
            scores.put(name + suffix, result.getPrimaryResult().getScore());
        }
        System.out.println();
        System.out.println("Ratios to the raw signature of the same key, this run:");
        for (String key : new String[] {"ec-p256", "rsa-2048"}) {
            ratio(scores, "IssuanceBenchmark.issue[" + key + "]", "IssuanceBenchmark.rawSign[" + key + "]");
            ratio(scores, "IssuanceBenchmark.issueH2[" + key + "]", "IssuanceBenchmark.rawSign[" + key + "]");
        }
        ratio(scores, "OcspBenchmark.signed", "OcspBenchmark.rawSign");
        ratio(scores, "OcspBenchmark.cached", "OcspBenchmark.rawSign");
        // Cachet verifies with Bouncy Castle: its raw verification is the floor of these checks.
        ratio(scores, "CsrBenchmark.csrParseVerify", "CsrBenchmark.rawVerifyBouncyCastle");
        ratio(scores, "CsrBenchmark.jwsVerify", "CsrBenchmark.rawVerifyBouncyCastle");
        ratio(scores, "CsrBenchmark.jwsVerifyKnownKey", "CsrBenchmark.rawVerifyBouncyCastle");
        // An account's requests are verified with its key kept converted (acme.jws.AccountKeyCache).
        Double jws = scores.get("CsrBenchmark.jwsVerifyKnownKey");
        Double issue = scores.get("IssuanceBenchmark.issue[ec-p256]");
        Double csr = scores.get("CsrBenchmark.csrParseVerify");
        if (jws != null && issue != null && csr != null) {
            System.out.printf(Locale.ROOT, "acme crypto floor: 7 JWS + 1 CSR + 1 issuance = %.2f ms per order%n",
                    1000 * (7 / jws + 1 / csr + 1 / issue));
        }
        scores.forEach((name, score) -> {
            if (name.startsWith("CrlBenchmark")) {
                System.out.printf(Locale.ROOT, "%s: %.0f ms%n", name, score);
            }
        });
    }

    private static void ratio(Map<String, Double> scores, String measured, String raw) {
        Double a = scores.get(measured);
        Double b = scores.get(raw);
        if (a != null && b != null) {
            System.out.printf(Locale.ROOT, "%-40s %10.0f/s  raw %10.0f/s  ratio %.2f%n", measured, a, b, a / b);
        }
    }
}
