package dev.cachet.cli;

import dev.cachet.bench.AcmeBenchReport;
import dev.cachet.bench.AcmeBenchSettings;
import dev.cachet.bench.AcmeLoad;
import dev.cachet.bench.BenchHttpClients;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cachet bench acme}: runs ACME orders end to end against any ACME server and prints orders
 * per second, latency percentiles and errors. Exits 1 when an order failed.
 */
@Command(name = "acme", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run ACME orders end to end (http-01) with C in flight; print orders/s, p50, p99, errors.",
        footer = {"", "The server must validate http-01 on 127.0.0.1:PORT for every name (a DNS that answers",
            "127.0.0.1, e.g. pebble-challtestsrv). Names are random labels under .test.", "", "Example:",
            "  cachet bench acme --directory https://127.0.0.1:8443/acme/directory --trust cachet-data/ca/root.pem \\",
            "      --orders 300 --concurrency 8 --http01-port 5002"})
final class BenchAcmeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Option(names = "--directory", required = true, paramLabel = "URL", description = "The ACME directory URL.")
    URI directory;

    @Option(names = "--orders", defaultValue = "100", paramLabel = "N", description = "Orders to run (default 100).")
    int orders;

    @Option(names = "--concurrency", defaultValue = "1", paramLabel = "C",
            description = "Orders in flight, one account each (default 1).")
    int concurrency;

    @Option(names = "--duration", defaultValue = "300", paramLabel = "S",
            description = "Start no order after S seconds (default 300).")
    long durationSeconds;

    @Option(names = "--trust", paramLabel = "PEM", description = "Trust these roots for HTTPS (default: the JVM's).")
    Path trust;

    @Option(names = "--http01-port", defaultValue = "5002", paramLabel = "PORT",
            description = "Port of 127.0.0.1 for the built-in http-01 responder (default 5002).")
    int http01Port;

    @Option(names = "--poll-ms", defaultValue = "20", paramLabel = "MS",
            description = "Pause between polls of an authorization or order (default 20).")
    long pollMillis;

    @Override
    public Integer call() {
        AcmeBenchSettings settings = new AcmeBenchSettings(directory, orders, concurrency,
                Duration.ofSeconds(durationSeconds), http01Port, Duration.ofMillis(pollMillis),
                AcmeBenchSettings.DEFAULT_ORDER_TIMEOUT);
        AcmeBenchReport report = new AcmeLoad(settings, BenchHttpClients.create(Optional.ofNullable(trust))).run();
        PrintWriter out = spec.commandLine().getOut();
        report.firstErrors().forEach(error -> out.println("error: " + error));
        out.println(report.summary());
        return report.errors() == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
