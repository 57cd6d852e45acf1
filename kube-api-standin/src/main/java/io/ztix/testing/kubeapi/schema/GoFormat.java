package io.ztix.testing.kubeapi.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** Values printed as Go's fmt prints them in kube-apiserver messages ({@code %v} and {@code %q}). */
public final class GoFormat {

    private GoFormat() {
    }

    /** A JSON value as the Go value it decodes to: string, Long, Double, Boolean, or the JSON text. */
    public static Object plain(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.asLong();
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        return value;
    }

    /** As field.Error prints a bad value: strings quoted, numbers and booleans plain, null as "null". */
    public static String value(Object value) {
        if (value == null) {
            return "\"null\"";
        }
        if (value instanceof String s) {
            return quote(s);
        }
        if (value instanceof Double d) {
            return number(d);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
            return value.toString();
        }
        return value.toString();
    }

    static String quotedValue(JsonNode value) {
        Object plain = plain(value);
        return plain instanceof String s ? quote(s) : value(plain);
    }

    /** Go's %q for a string (the common escapes). */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * Go's %v for a float64 (strconv's shortest 'g'): plain digits, or e-notation when the decimal exponent is
     * below -4 or at least 6 ({@code 4.294967295e+09}, {@code 1e+07}, {@code 100000}).
     */
    public static String number(double d) {
        if (d == 0) {
            return "0";
        }
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.isNaN(d) ? "NaN" : d > 0 ? "+Inf" : "-Inf";
        }
        BigDecimal exact = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = exact.unscaledValue().toString();
        int exponent = exact.precision() - exact.scale() - 1;
        String sign = d < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 6) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        return sign + exact.toPlainString();
    }
}
