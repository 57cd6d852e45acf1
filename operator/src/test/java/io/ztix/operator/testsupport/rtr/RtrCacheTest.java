package io.ztix.operator.testsupport.rtr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The test RTR cache speaks the wire format of RFC 8210 / draft-ietf-sidrops-8210bis as written there (BIRD's own
 * RTR client is the other check, in BirdAspaRtrTest): a router on 127.0.0.1 sends queries and reads PDUs.
 */
class RtrCacheTest {

    private static final RtrData DATA = new RtrData(
            List.of(RtrData.Roa.of("45.128.0.0/24", 24, 3333), RtrData.Roa.of("2a0c:9a40::/32", 48, 3333)),
            List.of(new RtrData.Aspa(3333, List.of(64502L, 64501L, 64501L))));

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private RtrCache cache;

    @BeforeEach
    void start() {
        cache = RtrCache.start(InetAddress.getLoopbackAddress(), 0, DATA, new PrintStream(log, true));
    }

    @AfterEach
    void stop() {
        cache.close();
    }

    @Test
    void aVersion2ResetQueryGetsPrefixesAspaRecordsAndEndOfData() throws IOException {
        try (Socket router = connect()) {
            send(router, new byte[] {2, RtrCache.RESET_QUERY, 0, 0, 0, 0, 0, 8});
            List<byte[]> pdus = read(router, 5);
            assertThat(pdus).extracting(pdu -> (int) pdu[1]).containsExactly(RtrCache.CACHE_RESPONSE,
                    RtrCache.IPV4_PREFIX, RtrCache.IPV6_PREFIX, RtrCache.ASPA, RtrCache.END_OF_DATA);
            assertThat(pdus).allSatisfy(pdu -> assertThat(pdu[0]).isEqualTo((byte) 2));
            byte[] ipv4 = pdus.get(1);
            assertThat(ipv4).hasSize(20).startsWith(2, RtrCache.IPV4_PREFIX, 0, 0, 0, 0, 0, 20, 1, 24, 24, 0, 45, (byte) 128, 0, 0);
            byte[] aspa = pdus.get(3);
            assertThat(aspa).containsExactly(2, RtrCache.ASPA, 1, 0, 0, 0, 0, 20, 0, 0, 0x0d, 0x05,
                    0, 0, (byte) 0xfb, (byte) 0xf5, 0, 0, (byte) 0xfb, (byte) 0xf6);
            assertThat(pdus.get(4)).hasSize(24);
        }
    }

    @Test
    void aVersion1RouterGetsNoAspaRecords() throws IOException {
        try (Socket router = connect()) {
            send(router, new byte[] {1, RtrCache.RESET_QUERY, 0, 0, 0, 0, 0, 8});
            assertThat(read(router, 4)).extracting(pdu -> (int) pdu[1]).containsExactly(RtrCache.CACHE_RESPONSE,
                    RtrCache.IPV4_PREFIX, RtrCache.IPV6_PREFIX, RtrCache.END_OF_DATA);
        }
    }

    @Test
    void aHigherVersionIsAnsweredWithUnsupportedProtocolVersionInVersion2() throws IOException {
        try (Socket router = connect()) {
            send(router, new byte[] {3, RtrCache.RESET_QUERY, 0, 0, 0, 0, 0, 8});
            byte[] error = read(router, 1).get(0);
            assertThat(error[0]).isEqualTo((byte) 2);
            assertThat(error[1]).isEqualTo((byte) RtrCache.ERROR_REPORT);
            assertThat(error[3]).isEqualTo((byte) RtrCache.ERROR_UNSUPPORTED_VERSION);
        }
    }

    @Test
    void anUpdateIsNotifiedAndTheSerialQueryGetsOnlyTheChange() throws IOException {
        try (Socket router = connect()) {
            send(router, new byte[] {2, RtrCache.RESET_QUERY, 0, 0, 0, 0, 0, 8});
            byte[] endOfData = read(router, 5).get(4);
            cache.update(new RtrData(DATA.roas(), List.of(new RtrData.Aspa(3333, List.of(64501L)))));
            byte[] notify = read(router, 1).get(0);
            assertThat(notify[1]).isEqualTo((byte) RtrCache.SERIAL_NOTIFY);
            send(router, new byte[] {2, RtrCache.SERIAL_QUERY, endOfData[2], endOfData[3], 0, 0, 0, 12,
                    endOfData[8], endOfData[9], endOfData[10], endOfData[11]});
            List<byte[]> changes = read(router, 3);
            assertThat(changes).extracting(pdu -> (int) pdu[1]).containsExactly(RtrCache.CACHE_RESPONSE, RtrCache.ASPA,
                    RtrCache.END_OF_DATA);
            assertThat(changes.get(1)).hasSize(16);
            assertThat(changes.get(2)[11]).isEqualTo((byte) 1);
        }
    }

    @Test
    void aSerialQueryForAnUnknownSessionGetsCacheReset() throws IOException {
        try (Socket router = connect()) {
            send(router, new byte[] {1, RtrCache.SERIAL_QUERY, 0x12, 0x34, 0, 0, 0, 12, 0, 0, 0, 9});
            assertThat(read(router, 1).get(0)[1]).isEqualTo((byte) RtrCache.CACHE_RESET);
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), cache.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static void send(Socket socket, byte[] pdu) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(pdu);
        out.flush();
    }

    private static List<byte[]> read(Socket socket, int count) throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        List<byte[]> pdus = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] header = in.readNBytes(8);
            int length = ((header[4] & 0xff) << 24) | ((header[5] & 0xff) << 16) | ((header[6] & 0xff) << 8) | (header[7] & 0xff);
            byte[] pdu = new byte[length];
            System.arraycopy(header, 0, pdu, 0, 8);
            in.readFully(pdu, 8, length - 8);
            pdus.add(pdu);
        }
        return pdus;
    }
}
