package dev.cachet.cli;

import dev.cachet.enrolment.email.RequestDecisions;
import dev.cachet.server.RequestAdmin;
import dev.cachet.server.Storage;
import dev.cachet.store.requests.CertificateRequest;
import dev.cachet.store.requests.RequestStatus;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cachet requests}: certificate requests waiting for e-mail validation or an operator. */
@Command(name = "requests", mixinStandardHelpOptions = true,
        description = "List, approve and reject certificate requests validated by e-mail.",
        subcommands = {RequestsCommand.List.class, RequestsCommand.Approve.class, RequestsCommand.Reject.class})
final class RequestsCommand {

    /** Shared options and the run of one call on the database. */
    abstract static class Base {
        @Spec
        CommandSpec spec;

        @Mixin
        VerboseOption verbose;

        @Mixin
        ServerOptions server;

        <T> T onDatabase(Function<RequestDecisions, T> work) {
            Clock clock = Clock.systemUTC();
            var config = server.load(Map.of());
            try (Storage storage = Storage.open(config, clock)) {
                return work.apply(RequestAdmin.decisions(config, storage, clock));
            }
        }
    }

    /** {@code cachet requests list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List requests, oldest first.")
    static final class List extends Base implements Callable<Integer> {
        @Option(names = "--status", paramLabel = "STATUS", defaultValue = "pending",
                description = "pending (default), approved, issued, rejected, failed or all.")
        String status;

        @Override
        public Integer call() {
            Optional<RequestStatus> filter = "all".equals(status) ? Optional.empty() : Optional.of(parse(status));
            PrintWriter out = spec.commandLine().getOut();
            for (CertificateRequest r : onDatabase(d -> d.list(filter))) {
                out.printf("%s  %-18s %s  requester=%s contact=%s names=%s%n", r.id(), r.status().id(), r.createdAt(),
                        r.requester(), r.contact(), String.join(",", r.names()));
            }
            return ExitCodes.OK;
        }

        private static RequestStatus parse(String text) {
            String id = "pending".equals(text) ? RequestStatus.PENDING_VALIDATION.id() : text;
            return Arrays.stream(RequestStatus.values()).filter(s -> s.id().equals(id)).findFirst()
                    .orElseThrow(() -> new dev.cachet.core.CachetException(dev.cachet.core.ErrorType.MALFORMED,
                            "--status must be pending, approved, issuing, issued, rejected, failed or all"));
        }
    }

    /** {@code cachet requests approve ID}. */
    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = "Approve a pending request; a running server issues it within seconds.")
    static final class Approve extends Base implements Callable<Integer> {
        @Parameters(paramLabel = "ID", description = "The request id.")
        String id;

        @Override
        public Integer call() {
            CertificateRequest r = onDatabase(d -> d.approve(id, "cli"));
            spec.commandLine().getOut().printf("Approved request %s (%s); a running server issues it%n", r.id(),
                    r.status().id());
            return ExitCodes.OK;
        }
    }

    /** {@code cachet requests reject ID}. */
    @Command(name = "reject", mixinStandardHelpOptions = true, description = "Reject a request; the requester is told.")
    static final class Reject extends Base implements Callable<Integer> {
        @Parameters(paramLabel = "ID", description = "The request id.")
        String id;

        @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the requester and the audit log.")
        String reason;

        @Override
        public Integer call() {
            CertificateRequest r = onDatabase(d -> d.reject(id, "cli", reason));
            spec.commandLine().getOut().printf("Rejected request %s%n", r.id());
            return ExitCodes.OK;
        }
    }
}
