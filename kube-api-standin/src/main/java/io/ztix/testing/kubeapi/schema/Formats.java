package io.ztix.testing.kubeapi.schema;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** The string formats kube-apiserver checks in CRD schemas (unknown formats pass, as there). */
final class Formats {

    private static final Pattern IPV4 = Pattern.compile(
            "^((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)$");
    private static final Pattern HOSTNAME = Pattern.compile(
            "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Pattern BYTE = Pattern.compile("^([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$");

    private Formats() {
    }

    static boolean matches(String format, String value) {
        return switch (format) {
            case "ipv4" -> IPV4.matcher(value).matches();
            case "ipv6" -> value.contains(":") && isInetAddress(value);
            case "cidr" -> isCidr(value);
            case "hostname" -> value.length() <= 253 && HOSTNAME.matcher(value).matches();
            case "uuid" -> UUID.matcher(value).matches();
            case "byte" -> BYTE.matcher(value).matches();
            case "date" -> parses(() -> LocalDate.parse(value));
            case "date-time" -> parses(() -> OffsetDateTime.parse(value));
            case "uri" -> isUri(value);
            default -> true;
        };
    }

    private static boolean isInetAddress(String value) {
        if (!value.matches("^[0-9a-fA-F:.]+$")) {
            return false;
        }
        try {
            InetAddress.getByName(value);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean isCidr(String value) {
        int slash = value.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String address = value.substring(0, slash);
        String bits = value.substring(slash + 1);
        if (!bits.matches("\\d{1,3}")) {
            return false;
        }
        int prefix = Integer.parseInt(bits);
        if (IPV4.matcher(address).matches()) {
            return prefix <= 32;
        }
        return address.contains(":") && isInetAddress(address) && prefix <= 128;
    }

    private static boolean isUri(String value) {
        try {
            return new URI(value).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
