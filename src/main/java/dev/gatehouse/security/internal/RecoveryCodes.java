package dev.gatehouse.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * One-time recovery codes: ten of them, each ten characters from an alphabet without look-alikes
 * (50 bits), shown once as xxxxx-xxxxx and stored only as SHA-256 hashes.
 */
public final class RecoveryCodes {

    static final int COUNT = 10;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecoveryCodes() {
    }

    public static List<String> generate() {
        return IntStream.range(0, COUNT).mapToObj(i -> {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < LENGTH; c++) {
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            return code.substring(0, LENGTH / 2) + "-" + code.substring(LENGTH / 2);
        }).toList();
    }

    /** Whether the text, without spaces and dashes, could be a recovery code. */
    public static boolean looksLike(String text) {
        return normalized(text).matches("[" + ALPHABET + "]{" + LENGTH + "}");
    }

    public static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normalized(code).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String normalized(String text) {
        return text == null ? "" : text.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }
}
