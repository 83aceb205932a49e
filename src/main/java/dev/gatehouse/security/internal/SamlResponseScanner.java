package dev.gatehouse.security.internal;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.springframework.security.saml2.provider.service.authentication.Saml2AuthenticationException;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.ext.DefaultHandler2;

import dev.gatehouse.security.SignInFailure;

/**
 * Reads a SAML response once as a stream, before OpenSAML builds its tree, and refuses what Gatehouse never
 * accepts: a document type declaration, nesting or element counts over the limits, anything but one plain
 * assertion in a protocol Response, a missing Issuer where the profile requires one, and signature or
 * digest algorithms outside the allowed lists. It stops at the first problem, so a hostile document costs
 * no more than the limits allow.
 */
final class SamlResponseScanner {

    private static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
    private static final String ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";
    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

    private final SAXParserFactory factory = SAXParserFactory.newInstance();
    private final int maxDepth;
    private final int maxElements;
    private final List<String> signatureAlgorithms;
    private final List<String> digestAlgorithms;

    SamlResponseScanner(SecurityProperties.Limits limits, SecurityProperties.Algorithms algorithms) {
        this.maxDepth = limits.maxDepth();
        this.maxElements = limits.maxElements();
        this.signatureAlgorithms = algorithms.signature();
        this.digestAlgorithms = algorithms.digest();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("The JDK's SAX parser lacks a safety feature Gatehouse needs", e);
        }
    }

    /** @throws Saml2AuthenticationException naming the {@link SignInFailure} when the response is refused */
    void scan(String xml) {
        Scan scan = new Scan();
        try {
            SAXParser parser = factory.newSAXParser();
            XMLReader reader = parser.getXMLReader();
            reader.setProperty("http://xml.org/sax/properties/lexical-handler", scan);
            reader.setContentHandler(scan);
            reader.setErrorHandler(scan);
            reader.parse(new InputSource(new StringReader(xml)));
        } catch (Refusal refusal) {
            throw refusal.failure.asSamlException();
        } catch (SAXException | IOException e) {
            throw SignInFailure.MALFORMED.asSamlException();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        scan.finish();
    }

    /** One pass over one document. */
    private final class Scan extends DefaultHandler2 {
        private int depth;
        private int elements;
        private int assertions;
        private boolean rootIsResponse;
        private boolean responseSigned;
        private boolean responseHasIssuer;
        private boolean inAssertion;
        private boolean assertionHasIssuer;

        @Override
        public void startDTD(String name, String publicId, String systemId) throws SAXException {
            throw new Refusal(SignInFailure.DOCTYPE);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            depth++;
            if (++elements > maxElements) {
                throw new Refusal(SignInFailure.TOO_MANY_ELEMENTS);
            }
            if (depth > maxDepth) {
                throw new Refusal(SignInFailure.TOO_DEEP);
            }
            if (depth == 1) {
                rootIsResponse = PROTOCOL.equals(uri) && "Response".equals(localName);
                if (!rootIsResponse) {
                    throw new Refusal(SignInFailure.MALFORMED);
                }
            } else if (depth == 2) {
                topLevel(uri, localName);
            } else if (depth == 3 && inAssertion && ASSERTION.equals(uri) && "Issuer".equals(localName)) {
                assertionHasIssuer = true;
            }
            if (DSIG.equals(uri)) {
                algorithm(localName, attributes.getValue("Algorithm"));
            }
        }

        private void topLevel(String uri, String localName) throws Refusal {
            if (ASSERTION.equals(uri) && "Assertion".equals(localName)) {
                assertions++;
                inAssertion = true;
                assertionHasIssuer = false;
            } else if (ASSERTION.equals(uri) && "EncryptedAssertion".equals(localName)) {
                throw new Refusal(SignInFailure.NOT_ONE_ASSERTION);
            } else if (ASSERTION.equals(uri) && "Issuer".equals(localName)) {
                responseHasIssuer = true;
            } else if (DSIG.equals(uri) && "Signature".equals(localName)) {
                responseSigned = true;
            }
        }

        private void algorithm(String localName, String algorithm) throws Refusal {
            if ("SignatureMethod".equals(localName) && !signatureAlgorithms.contains(algorithm)) {
                throw new Refusal(SignInFailure.WEAK_ALGORITHM);
            }
            if ("DigestMethod".equals(localName) && !digestAlgorithms.contains(algorithm)) {
                throw new Refusal(SignInFailure.WEAK_ALGORITHM);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            if (depth == 2 && inAssertion) {
                inAssertion = false;
                if (!assertionHasIssuer) {
                    throw new Refusal(SignInFailure.WRONG_ISSUER);
                }
            }
            depth--;
        }

        @Override
        public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
            throw e;
        }

        /** What can only be judged once the whole document was read. */
        void finish() {
            if (assertions != 1) {
                throw SignInFailure.NOT_ONE_ASSERTION.asSamlException();
            }
            // SAML profiles §4.1.4.2: a signed Response must name its Issuer (Spring would fail on null).
            if (responseSigned && !responseHasIssuer) {
                throw SignInFailure.WRONG_ISSUER.asSamlException();
            }
        }
    }

    /** Stops the parse with the reason; a SAXException so the parser passes it through untouched. */
    private static final class Refusal extends SAXException {
        private final transient SignInFailure failure;

        Refusal(SignInFailure failure) {
            super(failure.summary());
            this.failure = failure;
        }
    }
}
