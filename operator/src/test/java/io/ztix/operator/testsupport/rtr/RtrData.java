package io.ztix.operator.testsupport.rtr;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * What an RTR cache serves: validated ROA payloads and ASPA records, in a small line format the test writes to a
 * file ({@code roa 45.128.0.0/24 24 64501}, {@code aspa 3333 64501 64502}; {@code #} starts a comment).
 */
public record RtrData(List<Roa> roas, List<Aspa> aspas) {

    /** One VRP: prefix, max length, origin ASN. */
    public record Roa(InetAddress address, int length, int maxLength, long asn) {

        public static Roa of(String prefix, int maxLength, long asn) {
            String[] parts = prefix.split("/");
            try {
                InetAddress address = InetAddress.getByName(parts[0]);
                int length = Integer.parseInt(parts[1]);
                int bits = address.getAddress().length * 8;
                if (length < 0 || length > bits || maxLength < length || maxLength > bits) {
                    throw new IllegalArgumentException("bad ROA lengths: " + prefix + " max " + maxLength);
                }
                return new Roa(address, length, maxLength, asn);
            } catch (UnknownHostException | ArrayIndexOutOfBoundsException | NumberFormatException e) {
                throw new IllegalArgumentException("not a prefix: " + prefix, e);
            }
        }

        boolean ipv6() {
            return address.getAddress().length == 16;
        }

        String line() {
            return "roa " + address.getHostAddress() + "/" + length + " " + maxLength + " " + asn;
        }
    }

    /** One ASPA record: the customer ASN and the provider ASNs it authorises. */
    public record Aspa(long customer, List<Long> providers) {

        public Aspa {
            providers = List.copyOf(providers);
        }

        String line() {
            StringBuilder line = new StringBuilder("aspa ").append(customer);
            providers.forEach(provider -> line.append(' ').append(provider));
            return line.toString();
        }
    }

    public RtrData {
        roas = List.copyOf(roas);
        aspas = List.copyOf(aspas);
    }

    public String toFileText() {
        StringBuilder text = new StringBuilder("# RTR cache data (test support)\n");
        roas.forEach(roa -> text.append(roa.line()).append('\n'));
        aspas.forEach(aspa -> text.append(aspa.line()).append('\n'));
        return text.toString();
    }

    public static RtrData parse(String text) {
        List<Roa> roas = new ArrayList<>();
        List<Aspa> aspas = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s+");
            switch (fields[0]) {
                case "roa" -> roas.add(Roa.of(fields[1], Integer.parseInt(fields[2]), Long.parseLong(fields[3])));
                case "aspa" -> {
                    List<Long> providers = new ArrayList<>();
                    for (int i = 2; i < fields.length; i++) {
                        providers.add(Long.parseLong(fields[i]));
                    }
                    aspas.add(new Aspa(Long.parseLong(fields[1]), providers));
                }
                default -> throw new IllegalArgumentException("unknown RTR data line: " + line);
            }
        }
        return new RtrData(roas, aspas);
    }
}
