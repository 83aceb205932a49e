package dev.gatehouse.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The AES-256 keys that seal stored secrets, the current one first and then previous ones that values
 * sealed before a rotation may still need. A key's id is derived from the key, so operators list keys only.
 */
final class SecretKeys {

    static final String KEY_PROPERTY = "gatehouse.secrets.key";
    static final String KEY_FILE_PROPERTY = "gatehouse.secrets.key-file";
    static final String DEMO_KEY_FILE_PROPERTY = "gatehouse.secrets.demo-key-file";
    static final int KEY_BYTES = 32;

    private static final Logger log = LoggerFactory.getLogger(SecretKeys.class);
    private static final String HOW_TO_MAKE_A_KEY = "Generate a key with: openssl rand -base64 32. List the current "
            + "key first and previous keys after it, separated by commas in GATEHOUSE_SECRETS_KEY or one a line in "
            + "GATEHOUSE_SECRETS_KEY_FILE.";

    record Key(String id, SecretKeySpec spec) {
    }

    private final List<Key> keys;

    private SecretKeys(List<Key> keys) {
        this.keys = List.copyOf(keys);
    }

    /** @param keys raw 32-byte keys, the current one first */
    static SecretKeys of(List<byte[]> keys, String source) {
        if (keys.isEmpty()) {
            throw new StartupProblem(source + " holds no key.", HOW_TO_MAKE_A_KEY);
        }
        List<Key> parsed = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            byte[] key = keys.get(i);
            if (key.length != KEY_BYTES) {
                throw new StartupProblem("Key " + (i + 1) + " in " + source + " is " + key.length
                        + " bytes; AES-256 needs " + KEY_BYTES + ".", HOW_TO_MAKE_A_KEY);
            }
            String id = idOf(key);
            if (parsed.stream().anyMatch(k -> k.id().equals(id))) {
                throw new StartupProblem("Key " + (i + 1) + " in " + source + " is listed twice.",
                        "List each key once: the current key first, then previous keys.");
            }
            parsed.add(new Key(id, new SecretKeySpec(key, "AES")));
        }
        return new SecretKeys(parsed);
    }

    /**
     * The keys configured by {@code GATEHOUSE_SECRETS_KEY} or {@code GATEHOUSE_SECRETS_KEY_FILE}. Without
     * either, production mode refuses to start and demo mode uses a key it generates once and keeps in a file.
     */
    static SecretKeys from(Environment env) {
        String key = env.getProperty(KEY_PROPERTY, "");
        String keyFile = env.getProperty(KEY_FILE_PROPERTY, "");
        if (StringUtils.hasText(key) && StringUtils.hasText(keyFile)) {
            throw new StartupProblem("Both GATEHOUSE_SECRETS_KEY and GATEHOUSE_SECRETS_KEY_FILE are set.",
                    "Set only one of them.");
        }
        if (StringUtils.hasText(key)) {
            return of(decode(Arrays.asList(key.strip().split("[,\\s]+")), "GATEHOUSE_SECRETS_KEY"),
                    "GATEHOUSE_SECRETS_KEY");
        }
        if (StringUtils.hasText(keyFile)) {
            String source = "the key file " + keyFile + " (GATEHOUSE_SECRETS_KEY_FILE)";
            return of(decode(lines(Path.of(keyFile), source), source), source);
        }
        if (GatehouseMode.of(env) == GatehouseMode.PRODUCTION) {
            throw new StartupProblem("Production mode needs a key to encrypt the secrets Gatehouse stores (such as "
                    + "TOTP secrets), but none is configured.", "Set GATEHOUSE_SECRETS_KEY to 32 random bytes in "
                    + "base64 (openssl rand -base64 32), or GATEHOUSE_SECRETS_KEY_FILE to a file holding it, and keep "
                    + "a copy: without it no stored secret can be read.");
        }
        return demo(Path.of(env.getProperty(DEMO_KEY_FILE_PROPERTY,
                System.getProperty("user.home") + "/.gatehouse/demo-secrets.key")));
    }

    Key current() {
        return keys.get(0);
    }

    Optional<Key> find(String id) {
        return keys.stream().filter(key -> key.id().equals(id)).findFirst();
    }

    /** 8 hex digits of a SHA-256 over the key: tells keys apart, and says nothing useful about them. */
    static String idOf(byte[] key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("gatehouse secrets key id\0".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha256.digest(key), 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static SecretKeys demo(Path file) {
        String source = "the demo key file " + file;
        if (!Files.exists(file)) {
            byte[] key = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(key);
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, "# Demo mode's key for secrets stored in the database; keep it to read them.\n"
                        + Base64.getEncoder().encodeToString(key) + "\n");
                restrictToOwner(file);
            } catch (IOException e) {
                throw new StartupProblem("Demo mode cannot write its secrets key to " + file + ": " + e.getMessage(),
                        "Make that folder writable, or set GATEHOUSE_SECRETS_DEMO_KEY_FILE to a writable path.");
            }
            log.info("Demo mode: generated a key for stored secrets in {}; keep it to read them after a restart.",
                    file);
        }
        return of(decode(lines(file, source), source), source);
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the folder's own permissions apply.
        }
    }

    private static List<String> lines(Path file, String source) {
        try {
            return Files.readAllLines(file).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new StartupProblem("Gatehouse cannot read " + source + ": " + e.getMessage(),
                    "Check the path and that Gatehouse's user may read the file.");
        }
    }

    private static List<byte[]> decode(List<String> texts, String source) {
        List<byte[]> keys = new ArrayList<>();
        for (String text : texts) {
            try {
                keys.add(Base64.getDecoder().decode(text));
            } catch (IllegalArgumentException e) {
                throw new StartupProblem("Key " + (keys.size() + 1) + " in " + source + " is not base64.",
                        HOW_TO_MAKE_A_KEY);
            }
        }
        return keys;
    }
}
