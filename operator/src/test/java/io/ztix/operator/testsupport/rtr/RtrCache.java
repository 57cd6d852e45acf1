package io.ztix.operator.testsupport.rtr;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small RPKI-to-Router cache (RFC 8210, and version 2 of draft-ietf-sidrops-8210bis with ASPA PDUs) for tests:
 * no cache in Debian 13 sends ASPA records (StayRTR removed its ASPA support before 0.6.0; FORT 1.6 and rtrlib 0.8
 * have none), so this one stands in for Routinator or rpki-client-fed caches that do. It answers Reset Queries with
 * the full data, Serial Queries with the changes since that serial (withdrawals and announcements; an ASPA
 * announcement replaces the customer's previous record) or with Cache Reset for a serial it does not know, sends
 * Serial Notify after {@link #update(RtrData)}, negotiates the
 * version the router asks for (0, 1 or 2; higher gets "Unsupported Protocol Version" in version 2) and sends ASPA
 * PDUs only in version 2. Every PDU it receives and sends is logged.
 */
public final class RtrCache implements AutoCloseable {

    static final int SERIAL_NOTIFY = 0;
    static final int SERIAL_QUERY = 1;
    static final int RESET_QUERY = 2;
    static final int CACHE_RESPONSE = 3;
    static final int IPV4_PREFIX = 4;
    static final int IPV6_PREFIX = 6;
    static final int END_OF_DATA = 7;
    static final int CACHE_RESET = 8;
    static final int ERROR_REPORT = 10;
    static final int ASPA = 11;
    static final int MAX_VERSION = 2;
    static final int ERROR_INVALID_REQUEST = 3;
    static final int ERROR_UNSUPPORTED_VERSION = 4;
    static final int ERROR_UNEXPECTED_VERSION = 8;

    private final ServerSocket server;
    private final PrintStream log;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final int sessionId = 0x2e2e;
    private volatile RtrData data;
    private volatile long serial;
    private final java.util.Map<Long, RtrData> history = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private RtrCache(ServerSocket server, RtrData data, PrintStream log) {
        this.server = server;
        this.data = data;
        this.log = log;
        history.put(0L, data);
    }

    /** Listens on {@code bind}:{@code port} (0: any free port) and serves {@code data}. */
    public static RtrCache start(InetAddress bind, int port, RtrData data, PrintStream log) {
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(bind, port));
            RtrCache cache = new RtrCache(server, data, log);
            Thread acceptor = new Thread(cache::acceptLoop, "rtr-cache-accept");
            acceptor.setDaemon(true);
            acceptor.start();
            log.println("RTR cache listening on " + server.getLocalSocketAddress() + ", serial 0, " + summary(data));
            return cache;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + bind + ":" + port, e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Serves {@code newData} under the next serial and sends Serial Notify to every router. */
    public synchronized void update(RtrData newData) {
        data = newData;
        serial++;
        history.put(serial, newData);
        log.println("new data, serial " + serial + ": " + summary(newData));
        for (Connection connection : connections) {
            connection.notifySerial();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            log.println("closing the listening socket: " + e.getMessage());
        }
        connections.forEach(Connection::close);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                Connection connection = new Connection(socket);
                connections.add(connection);
                Thread thread = new Thread(connection::serve, "rtr-cache-" + socket.getRemoteSocketAddress());
                thread.setDaemon(true);
                thread.start();
            } catch (IOException e) {
                if (!closed) {
                    log.println("accept failed: " + e.getMessage());
                }
            }
        }
    }

    private static String summary(RtrData data) {
        return data.roas().size() + " ROAs, " + data.aspas().size() + " ASPAs";
    }

    /** One router's session. */
    private final class Connection {

        private final Socket socket;
        private final DataOutputStream out;
        private int version = -1;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.out = new DataOutputStream(socket.getOutputStream());
            log.println("router connected from " + socket.getRemoteSocketAddress());
        }

        void serve() {
            try (socket; DataInputStream in = new DataInputStream(socket.getInputStream())) {
                while (true) {
                    int pduVersion = in.readUnsignedByte();
                    int type = in.readUnsignedByte();
                    int field = in.readUnsignedShort();
                    long length = Integer.toUnsignedLong(in.readInt());
                    if (length < 8 || length > 65536) {
                        error(ERROR_INVALID_REQUEST, "bad PDU length " + length);
                        return;
                    }
                    byte[] body = in.readNBytes((int) length - 8);
                    log.println("received v" + pduVersion + " type " + type + " length " + length);
                    if (!handle(pduVersion, type, field, body)) {
                        return;
                    }
                }
            } catch (EOFException e) {
                log.println("router " + socket.getRemoteSocketAddress() + " closed the session");
            } catch (IOException e) {
                log.println("session with " + socket.getRemoteSocketAddress() + " ended: " + e.getMessage());
            } finally {
                connections.remove(this);
            }
        }

        private boolean handle(int pduVersion, int type, int field, byte[] body) throws IOException {
            if (type == ERROR_REPORT) {
                log.println("router reported error " + field);
                return false;
            }
            if (version < 0) {
                if (pduVersion > MAX_VERSION) {
                    version = MAX_VERSION;
                    error(ERROR_UNSUPPORTED_VERSION, "this cache speaks RTR up to version " + MAX_VERSION);
                    return false;
                }
                version = pduVersion;
                log.println("session runs RTR version " + version);
            } else if (pduVersion != version) {
                error(ERROR_UNEXPECTED_VERSION, "the session runs version " + version);
                return false;
            }
            switch (type) {
                case RESET_QUERY -> sendAll();
                case SERIAL_QUERY -> {
                    long routerSerial = body.length >= 4 ? Integer.toUnsignedLong(
                            ((body[0] & 0xff) << 24) | ((body[1] & 0xff) << 16) | ((body[2] & 0xff) << 8) | (body[3] & 0xff)) : -1;
                    RtrData known = history.get(routerSerial);
                    if (field == sessionId && known != null) {
                        sendChangesSince(known, routerSerial);
                    } else {
                        send(pdu(CACHE_RESET, 0, new byte[0]));
                    }
                }
                default -> {
                    error(ERROR_INVALID_REQUEST, "unexpected PDU type " + type);
                    return false;
                }
            }
            return true;
        }

        private synchronized void sendAll() throws IOException {
            RtrData snapshot = data;
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.writeBytes(pdu(CACHE_RESPONSE, sessionId, new byte[0]));
            for (RtrData.Roa roa : snapshot.roas()) {
                all.writeBytes(roaPdu(roa, true));
            }
            if (version >= 2) {
                List<RtrData.Aspa> aspas = snapshot.aspas().stream()
                        .sorted(Comparator.comparingLong(RtrData.Aspa::customer)).toList();
                for (RtrData.Aspa aspa : aspas) {
                    all.writeBytes(aspaPdu(aspa, true));
                }
            }
            all.writeBytes(endOfData());
            send(all.toByteArray());
            log.println("sent v" + version + " cache response: " + snapshot.roas().size() + " ROAs"
                    + (version >= 2 ? ", " + snapshot.aspas().size() + " ASPAs" : " (no ASPAs before version 2)")
                    + ", serial " + serial);
        }

        /** Cache Response, withdrawals and announcements from {@code before} to the current data, End of Data. */
        private synchronized void sendChangesSince(RtrData before, long since) throws IOException {
            RtrData now = data;
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.writeBytes(pdu(CACHE_RESPONSE, sessionId, new byte[0]));
            int changes = 0;
            for (RtrData.Roa roa : before.roas()) {
                if (!now.roas().contains(roa)) {
                    all.writeBytes(roaPdu(roa, false));
                    changes++;
                }
            }
            for (RtrData.Roa roa : now.roas()) {
                if (!before.roas().contains(roa)) {
                    all.writeBytes(roaPdu(roa, true));
                    changes++;
                }
            }
            if (version >= 2) {
                java.util.Map<Long, RtrData.Aspa> old = new java.util.HashMap<>();
                before.aspas().forEach(aspa -> old.put(aspa.customer(), aspa));
                java.util.Map<Long, RtrData.Aspa> current = new java.util.HashMap<>();
                now.aspas().forEach(aspa -> current.put(aspa.customer(), aspa));
                for (RtrData.Aspa aspa : before.aspas()) {
                    if (!current.containsKey(aspa.customer())) {
                        all.writeBytes(aspaPdu(aspa, false));
                        changes++;
                    }
                }
                for (RtrData.Aspa aspa : now.aspas()) {
                    if (!aspa.equals(old.get(aspa.customer()))) {
                        all.writeBytes(aspaPdu(aspa, true));
                        changes++;
                    }
                }
            }
            all.writeBytes(endOfData());
            send(all.toByteArray());
            log.println("sent v" + version + " incremental response from serial " + since + " to " + serial + ": "
                    + changes + " changes");
        }

        private byte[] roaPdu(RtrData.Roa roa, boolean announce) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(new byte[] {(byte) (announce ? 1 : 0), (byte) roa.length(), (byte) roa.maxLength(), 0});
            body.writeBytes(roa.address().getAddress());
            body.writeBytes(int32(roa.asn()));
            return pdu(roa.ipv6() ? IPV6_PREFIX : IPV4_PREFIX, 0, body.toByteArray());
        }

        /**
         * 8210bis ASPA PDU: version 2, type 11, flags (1 = announce, 0 = withdraw), zero, length, customer, providers
         * ascending (none in a withdrawal).
         */
        private byte[] aspaPdu(RtrData.Aspa aspa, boolean announce) {
            List<Long> providers = announce ? aspa.providers().stream().distinct().sorted().toList() : List.of();
            ByteArrayOutputStream pdu = new ByteArrayOutputStream();
            pdu.write(version);
            pdu.write(ASPA);
            pdu.write(announce ? 1 : 0);
            pdu.write(0);
            pdu.writeBytes(int32(12 + 4L * providers.size()));
            pdu.writeBytes(int32(aspa.customer()));
            providers.forEach(provider -> pdu.writeBytes(int32(provider)));
            return pdu.toByteArray();
        }

        private byte[] endOfData() {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(int32(serial));
            if (version >= 1) {
                body.writeBytes(int32(3600));
                body.writeBytes(int32(600));
                body.writeBytes(int32(7200));
            }
            return pdu(END_OF_DATA, sessionId, body.toByteArray());
        }

        void notifySerial() {
            if (version < 0) {
                return;
            }
            try {
                send(pdu(SERIAL_NOTIFY, sessionId, int32(serial)));
            } catch (IOException e) {
                log.println("cannot notify " + socket.getRemoteSocketAddress() + ": " + e.getMessage());
            }
        }

        private void error(int code, String text) throws IOException {
            byte[] message = text.getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(int32(0));
            body.writeBytes(int32(message.length));
            body.writeBytes(message);
            log.println("sending error " + code + ": " + text);
            send(pdu(ERROR_REPORT, code, body.toByteArray()));
        }

        private byte[] pdu(int type, int field, byte[] body) {
            ByteArrayOutputStream pdu = new ByteArrayOutputStream();
            pdu.write(Math.max(version, 0));
            pdu.write(type);
            pdu.write(field >> 8);
            pdu.write(field);
            pdu.writeBytes(int32(8L + body.length));
            pdu.writeBytes(body);
            return pdu.toByteArray();
        }

        private synchronized void send(byte[] bytes) throws IOException {
            OutputStream stream = out;
            stream.write(bytes);
            stream.flush();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                log.println("closing " + socket.getRemoteSocketAddress() + ": " + e.getMessage());
            }
        }
    }

    static byte[] int32(long value) {
        return new byte[] {(byte) (value >> 24), (byte) (value >> 16), (byte) (value >> 8), (byte) value};
    }
}
