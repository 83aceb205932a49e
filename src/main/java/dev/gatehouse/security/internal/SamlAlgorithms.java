package dev.gatehouse.security.internal;

import java.util.ArrayList;
import java.util.List;

import dev.gatehouse.shared.StartupProblem;

/**
 * The XML signature algorithms Gatehouse accepts in a SAML response: RSA and ECDSA over SHA-256 or
 * stronger, and SHA-256 or stronger digests. SHA-1 and MD5 are never accepted; configuration can only
 * narrow these lists.
 */
final class SamlAlgorithms {

    static final List<String> SIGNATURE = List.of(
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512",
            "http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1",
            "http://www.w3.org/2007/05/xmldsig-more#sha384-rsa-MGF1",
            "http://www.w3.org/2007/05/xmldsig-more#sha512-rsa-MGF1",
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256",
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384",
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512");

    static final List<String> DIGEST = List.of(
            "http://www.w3.org/2001/04/xmlenc#sha256",
            "http://www.w3.org/2001/04/xmldsig-more#sha384",
            "http://www.w3.org/2001/04/xmlenc#sha512");

    private SamlAlgorithms() {
    }

    /** The configured lists, refused at start-up when they name anything outside the built-in ones. */
    static SecurityProperties.Algorithms checked(SecurityProperties.Algorithms configured) {
        List<String> unknown = new ArrayList<>(configured.signature().stream().filter(a -> !SIGNATURE.contains(a))
                .toList());
        unknown.addAll(configured.digest().stream().filter(a -> !DIGEST.contains(a)).toList());
        if (!unknown.isEmpty()) {
            throw new StartupProblem("SAML algorithms can only be narrowed, but the configuration allows "
                    + String.join(", ", unknown) + ".",
                    "Remove them from gatehouse.security.saml.algorithms; README lists the algorithms Gatehouse accepts.");
        }
        return configured;
    }
}
