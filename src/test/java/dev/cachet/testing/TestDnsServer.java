package dev.cachet.testing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CAARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * A tiny authoritative DNS server on 127.0.0.1 for tests, built on dnsjava's wire format: UDP and
 * TCP on the same ephemeral port, records set programmatically. A name with no records at or
 * below it answers NXDOMAIN; a name marked {@link #servfail} answers SERVFAIL and one marked
 * {@link #silent} never answers (a timeout). CNAMEs are chased inside the server's data as real
 * authoritative servers do, unless {@link #chaseCnames} is turned off, so that the client has to
 * ask again. UDP answers larger than the client's EDNS size (512 bytes without EDNS) are truncated,
 * so that the client retries over TCP.
 */
public final class TestDnsServer implements AutoCloseable {
    private static final long TTL = 60;
    private static final int MAX_CHASE = 16;

    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final Map<Name, List<Record>> records = new ConcurrentHashMap<>();
    private final Set<Name> servfail = ConcurrentHashMap.newKeySet();
    private final Set<Name> silent = ConcurrentHashMap.newKeySet();
    private final List<String> questions = new CopyOnWriteArrayList<>();
    private final AtomicInteger tcpQueries = new AtomicInteger();
    private volatile boolean chase = true;
    private volatile InetAddress fallbackIpv4;

    private TestDnsServer(DatagramSocket udp, ServerSocket tcp) {
        this.udp = udp;
        this.tcp = tcp;
        daemon(this::serveUdp, "test-dns-udp");
        daemon(this::serveTcp, "test-dns-tcp");
    }

    /**
     * Starts a server on 127.0.0.1, UDP and TCP on one ephemeral port.
     *
     * @return the running server
     * @throws IOException when no port can be had for both
     */
    public static TestDnsServer start() throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        IOException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, 0));
            try {
                ServerSocket tcp = new ServerSocket(udp.getLocalPort(), 50, loopback);
                return new TestDnsServer(udp, tcp);
            } catch (IOException e) {
                udp.close();
                last = e;
            }
        }
        throw last;
    }

    /** @return the address and port to give a resolver */
    public InetSocketAddress address() {
        return new InetSocketAddress(udp.getLocalAddress(), udp.getLocalPort());
    }

    /**
     * Adds an A or AAAA record, by the form of the address.
     *
     * @param name the owner name
     * @param ip an IPv4 or IPv6 literal
     * @return this server
     */
    public TestDnsServer addA(String name, String ip) {
        try {
            InetAddress address = InetAddress.getByName(ip);
            return add(address.getAddress().length == 4 ? new ARecord(name(name), DClass.IN, TTL, address)
                    : new AAAARecord(name(name), DClass.IN, TTL, address));
        } catch (IOException e) {
            throw new IllegalArgumentException(ip, e);
        }
    }

    /**
     * Adds an AAAA record.
     *
     * @param name the owner name
     * @param ip an IPv6 literal
     * @return this server
     */
    public TestDnsServer addAaaa(String name, String ip) {
        return addA(name, ip);
    }

    /**
     * Adds a TXT record of one string (split into 255-byte strings when longer).
     *
     * @param name the owner name
     * @param text the text
     * @return this server
     */
    public TestDnsServer addTxt(String name, String text) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < text.length(); i += 255) {
            parts.add(text.substring(i, Math.min(text.length(), i + 255)));
        }
        return add(new TXTRecord(name(name), DClass.IN, TTL, parts.isEmpty() ? List.of("") : parts));
    }

    /**
     * Adds a CAA record.
     *
     * @param name the owner name
     * @param flags the flags (128: critical)
     * @param tag the property tag
     * @param value the property value
     * @return this server
     */
    public TestDnsServer addCaa(String name, int flags, String tag, String value) {
        return add(new CAARecord(name(name), DClass.IN, TTL, flags, tag, value));
    }

    /**
     * Adds a CNAME record.
     *
     * @param name the alias
     * @param target the canonical name
     * @return this server
     */
    public TestDnsServer addCname(String name, String target) {
        return add(new CNAMERecord(name(name), DClass.IN, TTL, name(target)));
    }

    /**
     * Answers the A query of every name that has no records of its own with this address, as
     * pebble-challtestsrv's {@code -defaultIPv4} does (for load tests that make up names).
     *
     * @param ipv4 an IPv4 literal
     * @return this server
     */
    public TestDnsServer answerEveryNameWith(String ipv4) {
        try {
            fallbackIpv4 = InetAddress.getByName(ipv4);
        } catch (IOException e) {
            throw new IllegalArgumentException(ipv4, e);
        }
        return this;
    }

    /**
     * Makes every query for a name answer SERVFAIL.
     *
     * @param name the name
     * @return this server
     */
    public TestDnsServer servfail(String name) {
        servfail.add(name(name));
        return this;
    }

    /**
     * Makes every query for a name go unanswered, so that the client times out.
     *
     * @param name the name
     * @return this server
     */
    public TestDnsServer silent(String name) {
        silent.add(name(name));
        return this;
    }

    /**
     * Says whether CNAMEs are chased inside the server (the default) or answered alone.
     *
     * @param chaseCnames whether to chase
     * @return this server
     */
    public TestDnsServer chaseCnames(boolean chaseCnames) {
        this.chase = chaseCnames;
        return this;
    }

    /** @return the questions received so far, as {@code name TYPE}, in order */
    public List<String> questions() {
        return List.copyOf(questions);
    }

    /** @return how many queries came over TCP */
    public int tcpQueries() {
        return tcpQueries.get();
    }

    @Override
    public void close() {
        udp.close();
        try {
            tcp.close();
        } catch (IOException e) {
            // Closing a listening socket on loopback does not fail in a way a test could act on.
            return;
        }
    }

    private TestDnsServer add(Record record) {
        records.computeIfAbsent(record.getName(), n -> new CopyOnWriteArrayList<>()).add(record);
        return this;
    }

    /** Answers one query; null when the question is to go unanswered. */
    private Message answer(Message query) {
        Record question = query.getQuestion();
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        if (query.getHeader().getFlag(Flags.RD)) {
            response.getHeader().setFlag(Flags.RD);
        }
        if (question == null) {
            response.getHeader().setRcode(Rcode.FORMERR);
            return response;
        }
        questions.add(question.getName().toString(true) + " " + Type.string(question.getType()));
        response.addRecord(question, Section.QUESTION);
        Name name = question.getName();
        for (int i = 0; i < MAX_CHASE; i++) {
            if (silent.contains(name)) {
                return null;
            }
            if (servfail.contains(name)) {
                response.getHeader().setRcode(Rcode.SERVFAIL);
                return response;
            }
            List<Record> here = records.getOrDefault(name, List.of());
            Record cname = here.stream().filter(r -> r.getType() == Type.CNAME).findFirst().orElse(null);
            if (cname != null && question.getType() != Type.CNAME) {
                response.addRecord(cname, Section.ANSWER);
                name = ((CNAMERecord) cname).getTarget();
                if (chase) {
                    continue;
                }
                return response;
            }
            here.stream().filter(r -> r.getType() == question.getType())
                    .forEach(r -> response.addRecord(r, Section.ANSWER));
            InetAddress fallback = fallbackIpv4;
            if (fallback != null && here.isEmpty()) {
                if (question.getType() == Type.A) {
                    response.addRecord(new ARecord(name, DClass.IN, TTL, fallback), Section.ANSWER);
                }
                return response;
            }
            if (!exists(name)) {
                response.getHeader().setRcode(Rcode.NXDOMAIN);
            }
            return response;
        }
        return response;
    }

    /** A name exists when it or a name below it has records (RFC 8020: empty non-terminals exist). */
    private boolean exists(Name name) {
        return records.keySet().stream().anyMatch(n -> n.equals(name) || n.subdomain(name));
    }

    private void serveUdp() {
        byte[] buffer = new byte[65535];
        while (!udp.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                udp.receive(packet);
                Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                Message response = answer(query);
                if (response != null) {
                    OPTRecord opt = query.getOPT();
                    int size = opt == null ? 512 : Math.max(512, opt.getPayloadSize());
                    byte[] wire = response.toWire(size);
                    udp.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));
                }
            } catch (SocketException e) {
                return;
            } catch (IOException e) {
                continue;
            }
        }
    }

    private void serveTcp() {
        while (!tcp.isClosed()) {
            try (Socket socket = tcp.accept()) {
                socket.setSoTimeout(5000);
                DataInputStream in = new DataInputStream(socket.getInputStream());
                byte[] wire = new byte[in.readUnsignedShort()];
                in.readFully(wire);
                tcpQueries.incrementAndGet();
                Message response = answer(new Message(wire));
                if (response != null) {
                    byte[] out = response.toWire();
                    DataOutputStream data = new DataOutputStream(socket.getOutputStream());
                    data.writeShort(out.length);
                    data.write(out);
                    data.flush();
                }
            } catch (SocketException e) {
                if (tcp.isClosed()) {
                    return;
                }
            } catch (IOException e) {
                continue;
            }
        }
    }

    private static Name name(String text) {
        try {
            return Name.fromString(text, Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static void daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }
}
