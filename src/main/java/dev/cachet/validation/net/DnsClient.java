package dev.cachet.validation.net;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CAARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Looks up TXT, CAA and address records with dnsjava, asking only the configured resolvers (one
 * {@link SimpleResolver} per address and port, in order; the next one is asked only when a
 * resolver cannot be reached or does not answer in its share of the time left), never the system
 * resolver. UDP first,
 * TCP when an answer is truncated (dnsjava does this by itself). CNAMEs are followed, in the answer
 * and by asking again, up to {@value #MAX_CNAMES} of them. Failures are {@link CachetException}s
 * of type {@code DNS} whose message says which of NXDOMAIN, SERVFAIL, another response code, a
 * timeout or a network error it was, and for which name and type, as Boulder's do.
 */
public class DnsClient {
    /** The most CNAMEs followed in one lookup. */
    public static final int MAX_CNAMES = 8;
    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "cachet-dns");
        thread.setDaemon(true);
        return thread;
    });

    private final List<InetSocketAddress> resolvers;

    /**
     * Creates a client.
     *
     * @param resolvers the DNS servers to ask, in order; at least one
     */
    public DnsClient(List<InetSocketAddress> resolvers) {
        this.resolvers = List.copyOf(resolvers);
        if (this.resolvers.isEmpty()) {
            throw new IllegalArgumentException("at least one DNS resolver is needed");
        }
    }

    /**
     * Looks up the TXT records of a name, each record's strings joined (RFC 8555 §8.4).
     *
     * @param name the name
     * @param deadline the time available
     * @return the texts, empty when the name exists without TXT records
     * @throws CachetException of type {@code DNS} on NXDOMAIN, SERVFAIL, a timeout or a network error
     */
    public List<String> txt(String name, Deadline deadline) {
        Result result = lookup(name, Type.TXT, deadline);
        if (result.rcode == Rcode.NXDOMAIN) {
            throw failure(Rcode.NXDOMAIN, name, Type.TXT);
        }
        List<String> texts = new ArrayList<>();
        for (Record record : result.records) {
            ByteArrayOutputStream joined = new ByteArrayOutputStream();
            for (Object part : ((TXTRecord) record).getStringsAsByteArrays()) {
                joined.writeBytes((byte[]) part);
            }
            texts.add(joined.toString(StandardCharsets.UTF_8));
        }
        return texts;
    }

    /**
     * Looks up the CAA records of one name, without climbing (that is {@code CaaChecker}'s job).
     *
     * @param name the name
     * @param deadline the time available
     * @return the records, empty when there are none or the name does not exist (NXDOMAIN)
     * @throws CachetException of type {@code DNS} on SERVFAIL, a timeout or a network error: a failed
     *     lookup is not permission (RFC 8659 §3)
     */
    public List<CaaRecord> caa(String name, Deadline deadline) {
        Result result = lookup(name, Type.CAA, deadline);
        List<CaaRecord> records = new ArrayList<>();
        for (Record record : result.records) {
            CAARecord caa = (CAARecord) record;
            records.add(new CaaRecord(caa.getFlags(), caa.getTag(),
                    new String(caa.getValueAsByteArray(), StandardCharsets.UTF_8)));
        }
        return records;
    }

    /**
     * Looks up the IPv6 and IPv4 addresses of a name, both queries at once.
     *
     * @param name the name
     * @param deadline the time available
     * @return the AAAA addresses, then the A addresses; never empty
     * @throws CachetException of type {@code DNS} when neither query finds an address
     */
    public List<InetAddress> addresses(String name, Deadline deadline) {
        CompletableFuture<Result> ipv6 = CompletableFuture.supplyAsync(() -> lookup(name, Type.AAAA, deadline),
                EXECUTOR);
        Object ipv4 = outcome(() -> lookup(name, Type.A, deadline));
        Object v6 = awaitOutcome(ipv6, deadline, name);
        List<InetAddress> found = new ArrayList<>();
        found.addAll(addressesOf(v6));
        found.addAll(addressesOf(ipv4));
        if (!found.isEmpty()) {
            return found;
        }
        if (ipv4 instanceof CachetException) {
            throw (CachetException) ipv4;
        }
        if (v6 instanceof CachetException) {
            throw (CachetException) v6;
        }
        if (((Result) ipv4).rcode == Rcode.NXDOMAIN) {
            throw failure(Rcode.NXDOMAIN, name, Type.A);
        }
        throw new CachetException(ErrorType.DNS, "DNS problem: no A or AAAA records found for " + name);
    }

    private static List<InetAddress> addressesOf(Object outcome) {
        List<InetAddress> addresses = new ArrayList<>();
        if (outcome instanceof Result) {
            for (Record record : ((Result) outcome).records) {
                addresses.add(record instanceof ARecord ? ((ARecord) record).getAddress()
                        : ((AAAARecord) record).getAddress());
            }
        }
        return addresses;
    }

    private static Object outcome(java.util.function.Supplier<Result> lookup) {
        try {
            return lookup.get();
        } catch (CachetException e) {
            return e;
        }
    }

    private static Object awaitOutcome(CompletableFuture<Result> future, Deadline deadline, String name) {
        try {
            return future.get(deadline.remainingMillis() + 100L, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return e.getCause() instanceof CachetException ? e.getCause()
                    : new CachetException(ErrorType.DNS, "DNS problem: looking up AAAA for " + name + " failed",
                            e.getCause());
        } catch (TimeoutException e) {
            future.cancel(true);
            return failure("query timed out", name, Type.AAAA, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure("interrupted", name, Type.AAAA, e);
        }
    }

    /**
     * Looks up one type, following CNAMEs.
     *
     * @return the records of the type at the end of the CNAME chain, with the response code
     */
    private Result lookup(String name, int type, Deadline deadline) {
        Name current = parseName(name);
        Set<Name> seen = new HashSet<>();
        seen.add(current);
        while (true) {
            Message response = send(current, type, deadline, name);
            int rcode = response.getRcode();
            if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
                throw failure(rcode, name, type);
            }
            List<Record> answer = response.getSection(Section.ANSWER);
            Name target = current;
            for (Record cname = cnameOf(answer, target); cname != null; cname = cnameOf(answer, target)) {
                target = ((CNAMERecord) cname).getTarget();
                if (!seen.add(target) || seen.size() > MAX_CNAMES + 1) {
                    throw failure("CNAME chain too long or looping", name, type, null);
                }
            }
            List<Record> records = new ArrayList<>();
            for (Record record : answer) {
                if (record.getType() == type && record.getName().equals(target)) {
                    records.add(record);
                }
            }
            if (!records.isEmpty() || rcode == Rcode.NXDOMAIN || target.equals(current)) {
                return new Result(records.isEmpty() ? rcode : Rcode.NOERROR, records);
            }
            current = target;
        }
    }

    private static Record cnameOf(List<Record> answer, Name name) {
        for (Record record : answer) {
            if (record.getType() == Type.CNAME && record.getName().equals(name)) {
                return record;
            }
        }
        return null;
    }

    private Message send(Name name, int type, Deadline deadline, String asked) {
        Exception last = null;
        for (int i = 0; i < resolvers.size() && !deadline.expired(); i++) {
            long share = Math.max(1, deadline.remainingMillis() / (resolvers.size() - i));
            SimpleResolver resolver = new SimpleResolver(resolvers.get(i));
            resolver.setTimeout(Duration.ofMillis(share));
            CompletableFuture<Message> future = resolver.sendAsync(
                    Message.newQuery(Record.newRecord(name, type, DClass.IN)), EXECUTOR).toCompletableFuture();
            try {
                return future.get(share + 100L, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                future.cancel(true);
                last = e;
            } catch (ExecutionException e) {
                last = e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("interrupted", asked, type, e);
            }
        }
        if (last == null || last instanceof TimeoutException || last instanceof SocketTimeoutException) {
            throw failure("query timed out", asked, type, last);
        }
        String detail = last instanceof IOException && last.getMessage() != null ? ": " + last.getMessage() : "";
        throw failure("networking error" + detail, asked, type, last);
    }

    private static Name parseName(String name) {
        try {
            return Name.fromString(name, Name.root);
        } catch (TextParseException e) {
            throw new CachetException(ErrorType.DNS, "DNS problem: '" + name + "' is not a valid DNS name", e);
        }
    }

    private static CachetException failure(int rcode, String name, int type) {
        String hint = rcode == Rcode.NXDOMAIN ? " - check that a DNS record exists for this domain"
                : rcode == Rcode.SERVFAIL ? " - the domain's nameservers may be malfunctioning" : "";
        return new CachetException(ErrorType.DNS, "DNS problem: " + Rcode.string(rcode) + " looking up "
                + Type.string(type) + " for " + name + hint);
    }

    private static CachetException failure(String what, String name, int type, Throwable cause) {
        return new CachetException(ErrorType.DNS, "DNS problem: " + what + " looking up " + Type.string(type)
                + " for " + name, cause);
    }

    /** The answer to one lookup: the response code and the records of the asked type. */
    private record Result(int rcode, List<Record> records) {
    }
}
