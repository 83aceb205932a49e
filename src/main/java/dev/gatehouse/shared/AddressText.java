package dev.gatehouse.shared;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * How screens write a network address: IPv6 in its short form (RFC 5952: "::1", not "0:0:0:0:0:0:0:1"), an
 * IPv4-mapped IPv6 address as the IPv4 address it is ("127.0.0.1", not "::ffff:127.0.0.1"); anything else as
 * it came.
 */
public final class AddressText {

    /**
     * Hex digits, colons and dots, starting with a digit or a colon and holding a colon: Java parses such text
     * as a literal and never looks it up in DNS.
     */
    private static final Pattern IPV6_LITERAL = Pattern.compile("(?=.*:)[0-9A-Fa-f:][0-9A-Fa-f:.]*");

    private AddressText() {
    }

    public static String of(String address) {
        if (address == null) {
            return "";
        }
        String bare = address.strip();
        if (bare.startsWith("[") && bare.endsWith("]")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        if (!IPV6_LITERAL.matcher(bare).matches()) {
            return address;
        }
        try {
            InetAddress parsed = InetAddress.getByName(bare);
            if (parsed instanceof Inet4Address) {
                return parsed.getHostAddress();
            }
            return parsed instanceof Inet6Address ? shortForm(parsed.getAddress()) : address;
        } catch (UnknownHostException e) {
            return address;
        }
    }

    /** Lower-case groups without leading zeros, the longest run of two or more zero groups (the first, on a tie) as "::". */
    private static String shortForm(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
