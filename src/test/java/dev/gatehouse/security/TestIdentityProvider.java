package dev.gatehouse.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import java.util.UUID;

import javax.xml.namespace.QName;

import net.shibboleth.utilities.java.support.xml.SerializeSupport;

import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.core.xml.io.MarshallingException;
import org.opensaml.core.xml.schema.XSString;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AttributeStatement;
import org.opensaml.saml.saml2.core.AttributeValue;
import org.opensaml.saml.saml2.core.Audience;
import org.opensaml.saml.saml2.core.AudienceRestriction;
import org.opensaml.saml.saml2.core.AuthnContext;
import org.opensaml.saml.saml2.core.AuthnContextClassRef;
import org.opensaml.saml.saml2.core.AuthnStatement;
import org.opensaml.saml.saml2.core.Conditions;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.core.Subject;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.SignatureSigningParameters;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureSupport;
import org.springframework.security.saml2.core.OpenSamlInitializationService;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * An identity provider for tests: publishes metadata with its signing certificate and issues SAML
 * responses that tests sign, leave unsigned or tamper with.
 */
public final class TestIdentityProvider {

    public static final String ENTITY_ID = "https://idp.example.test/saml";
    /** Where MockMvc's requests arrive: http://localhost with the default registration id. */
    public static final String SP_ENTITY_ID = "http://localhost/saml2/service-provider-metadata/gatehouse";
    public static final String ACS_URL = "http://localhost/login/saml2/sso/gatehouse";

    private static final SelfSignedKeys KEYS = SelfSignedKeys.generate("test-idp");
    private static final Path METADATA = writeMetadata();

    static {
        OpenSamlInitializationService.initialize();
    }

    private TestIdentityProvider() {
    }

    /** Puts Gatehouse in production mode, trusting this identity provider. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("gatehouse.security.saml.idp-metadata", METADATA::toString);
        registry.add("gatehouse.security.saml.provider-name", () -> "Test IdP");
    }

    /**
     * A response as a well-behaved IdP sends it: for an IdP-initiated sign-in, or for the request named by
     * {@link Builder#inResponseTo}. Each other setter breaks one rule of the Web Browser SSO profile.
     */
    public static Builder response(String userName) {
        return new Builder(userName);
    }

    public static final class Builder {
        private final String userName;
        private String audience = SP_ENTITY_ID;
        private boolean withAudience = true;
        private Instant issuedAt = Instant.now();
        private Instant authnInstant;
        private Instant conditionsNotBefore;
        private Duration lifetime = Duration.ofMinutes(5);
        private boolean confirmationExpires = true;
        private boolean conditionsExpire = true;
        private String confirmationMethod = SubjectConfirmation.METHOD_BEARER;
        private String recipient = ACS_URL;
        private String inResponseTo;
        private String assertionIssuer = ENTITY_ID;
        private String responseIssuer = ENTITY_ID;
        private List<String> groups = List.of("engineering");
        private String groupsName = "groups";
        private String groupsFriendlyName;
        private boolean signed = true;
        private boolean responseSigned;
        private String signatureAlgorithm = SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256;
        private String digestAlgorithm = SignatureConstants.ALGO_ID_DIGEST_SHA256;
        private String authnContext = AuthnContext.PPT_AUTHN_CTX;

        private Builder(String userName) {
            this.userName = userName;
        }

        public Builder audience(String audience) {
            this.audience = audience;
            return this;
        }

        /** Conditions without any AudienceRestriction. */
        public Builder withoutAudience() {
            this.withAudience = false;
            return this;
        }

        /** The answer to Gatehouse's AuthnRequest with this id (SP-initiated sign-in). */
        public Builder inResponseTo(String requestId) {
            this.inResponseTo = requestId;
            return this;
        }

        public Builder recipient(String recipient) {
            this.recipient = recipient;
            return this;
        }

        public Builder confirmationMethod(String method) {
            this.confirmationMethod = method;
            return this;
        }

        /** Neither the bearer confirmation nor the Conditions say until when the assertion is valid. */
        public Builder withoutExpiry() {
            this.confirmationExpires = false;
            this.conditionsExpire = false;
            return this;
        }

        /** The Conditions expire, but the bearer confirmation has no NotOnOrAfter. */
        public Builder withoutConfirmationExpiry() {
            this.confirmationExpires = false;
            return this;
        }

        public Builder notBefore(Instant notBefore) {
            this.conditionsNotBefore = notBefore;
            return this;
        }

        public Builder authnInstant(Instant authnInstant) {
            this.authnInstant = authnInstant;
            return this;
        }

        /** The assertion's Issuer; null leaves it out. */
        public Builder assertionIssuer(String issuer) {
            this.assertionIssuer = issuer;
            return this;
        }

        /** The Response's Issuer; null leaves it out. */
        public Builder responseIssuer(String issuer) {
            this.responseIssuer = issuer;
            return this;
        }

        /** The groups attribute under another Name, with "groups" only as its FriendlyName. */
        public Builder groupsOnlyAsFriendlyName(String name) {
            this.groupsName = name;
            this.groupsFriendlyName = "groups";
            return this;
        }

        /** Signs the Response as well as the assertion. */
        public Builder signResponse() {
            this.responseSigned = true;
            return this;
        }

        public Builder signatureAlgorithm(String signatureAlgorithm, String digestAlgorithm) {
            this.signatureAlgorithm = signatureAlgorithm;
            this.digestAlgorithm = digestAlgorithm;
            return this;
        }

        public Builder issuedAt(Instant issuedAt) {
            this.issuedAt = issuedAt;
            return this;
        }

        public Builder groups(String... groups) {
            this.groups = List.of(groups);
            return this;
        }

        /** The AuthnContextClassRef: how the identity provider says it authenticated the person. */
        public Builder authnContext(String classRef) {
            this.authnContext = classRef;
            return this;
        }

        public Builder unsigned() {
            this.signed = false;
            return this;
        }

        /** The response as the HTTP-POST binding carries it: base64 of the XML. */
        public String encoded() {
            return Base64.getEncoder().encodeToString(xml().getBytes(StandardCharsets.UTF_8));
        }

        public String xml() {
            Assertion assertion = assertion();
            if (signed) {
                sign(assertion, signatureAlgorithm, digestAlgorithm);
            }
            Response response = build(Response.DEFAULT_ELEMENT_NAME);
            response.setID("_" + UUID.randomUUID());
            response.setIssueInstant(issuedAt);
            response.setVersion(SAMLVersion.VERSION_20);
            response.setDestination(ACS_URL);
            response.setInResponseTo(inResponseTo);
            if (responseIssuer != null) {
                response.setIssuer(issuer(responseIssuer));
            }
            Status status = build(Status.DEFAULT_ELEMENT_NAME);
            StatusCode code = build(StatusCode.DEFAULT_ELEMENT_NAME);
            code.setValue(StatusCode.SUCCESS);
            status.setStatusCode(code);
            response.setStatus(status);
            response.getAssertions().add(assertion);
            if (responseSigned) {
                sign(response, signatureAlgorithm, digestAlgorithm);
            }
            try {
                return SerializeSupport.nodeToString(XMLObjectProviderRegistrySupport.getMarshallerFactory()
                        .getMarshaller(response).marshall(response));
            } catch (MarshallingException e) {
                throw new IllegalStateException(e);
            }
        }

        private Assertion assertion() {
            Instant expires = issuedAt.plus(lifetime);
            Assertion assertion = build(Assertion.DEFAULT_ELEMENT_NAME);
            assertion.setID("_" + UUID.randomUUID());
            assertion.setIssueInstant(issuedAt);
            assertion.setVersion(SAMLVersion.VERSION_20);
            if (assertionIssuer != null) {
                assertion.setIssuer(issuer(assertionIssuer));
            }

            NameID nameId = build(NameID.DEFAULT_ELEMENT_NAME);
            nameId.setValue(userName);
            SubjectConfirmationData data = build(SubjectConfirmationData.DEFAULT_ELEMENT_NAME);
            data.setRecipient(recipient);
            data.setInResponseTo(inResponseTo);
            if (confirmationExpires) {
                data.setNotOnOrAfter(expires);
            }
            SubjectConfirmation confirmation = build(SubjectConfirmation.DEFAULT_ELEMENT_NAME);
            confirmation.setMethod(confirmationMethod);
            confirmation.setSubjectConfirmationData(data);
            Subject subject = build(Subject.DEFAULT_ELEMENT_NAME);
            subject.setNameID(nameId);
            subject.getSubjectConfirmations().add(confirmation);
            assertion.setSubject(subject);

            Audience audienceElement = build(Audience.DEFAULT_ELEMENT_NAME);
            audienceElement.setURI(audience);
            AudienceRestriction restriction = build(AudienceRestriction.DEFAULT_ELEMENT_NAME);
            restriction.getAudiences().add(audienceElement);
            Conditions conditions = build(Conditions.DEFAULT_ELEMENT_NAME);
            conditions.setNotBefore(conditionsNotBefore != null ? conditionsNotBefore : issuedAt.minusSeconds(30));
            if (conditionsExpire) {
                conditions.setNotOnOrAfter(expires);
            }
            if (withAudience) {
                conditions.getAudienceRestrictions().add(restriction);
            }
            assertion.setConditions(conditions);

            AuthnContextClassRef classRef = build(AuthnContextClassRef.DEFAULT_ELEMENT_NAME);
            classRef.setURI(authnContext);
            AuthnContext context = build(AuthnContext.DEFAULT_ELEMENT_NAME);
            context.setAuthnContextClassRef(classRef);
            AuthnStatement authn = build(AuthnStatement.DEFAULT_ELEMENT_NAME);
            authn.setAuthnInstant(authnInstant != null ? authnInstant : issuedAt);
            authn.setAuthnContext(context);
            assertion.getAuthnStatements().add(authn);

            AttributeStatement attributes = build(AttributeStatement.DEFAULT_ELEMENT_NAME);
            attributes.getAttributes().add(attribute("email", List.of(userName + "@example.com")));
            attributes.getAttributes().add(attribute("displayName", List.of("Test " + userName)));
            Attribute groupsAttribute = attribute(groupsName, groups);
            groupsAttribute.setFriendlyName(groupsFriendlyName);
            attributes.getAttributes().add(groupsAttribute);
            assertion.getAttributeStatements().add(attributes);
            return assertion;
        }
    }

    private static Issuer issuer(String entityId) {
        Issuer issuer = build(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue(entityId);
        return issuer;
    }

    private static Attribute attribute(String name, List<String> values) {
        Attribute attribute = build(Attribute.DEFAULT_ELEMENT_NAME);
        attribute.setName(name);
        for (String value : values) {
            XSString xs = (XSString) XMLObjectProviderRegistrySupport.getBuilderFactory()
                    .getBuilder(XSString.TYPE_NAME).buildObject(AttributeValue.DEFAULT_ELEMENT_NAME, XSString.TYPE_NAME);
            xs.setValue(value);
            attribute.getAttributeValues().add(xs);
        }
        return attribute;
    }

    private static void sign(SignableSAMLObject object, String signatureAlgorithm, String digestAlgorithm) {
        SignatureSigningParameters parameters = new SignatureSigningParameters();
        parameters.setSigningCredential(new BasicX509Credential(KEYS.certificate(), KEYS.keys().getPrivate()));
        parameters.setSignatureAlgorithm(signatureAlgorithm);
        parameters.setSignatureReferenceDigestMethod(digestAlgorithm);
        parameters.setSignatureCanonicalizationAlgorithm(SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        try {
            SignatureSupport.signObject(object, parameters);
        } catch (Exception e) {
            throw new IllegalStateException("Signing failed", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends XMLObject> T build(QName name) {
        return (T) XMLObjectProviderRegistrySupport.getBuilderFactory().getBuilder(name).buildObject(name);
    }

    /** SAML metadata of an identity provider that signs with the given certificate. */
    public static String metadata(String entityId, String certificateBase64) {
        return """
                <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="%s">
                  <md:IDPSSODescriptor WantAuthnRequestsSigned="false"
                      protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
                    <md:KeyDescriptor use="signing">
                      <ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
                        <ds:X509Data><ds:X509Certificate>%s</ds:X509Certificate></ds:X509Data>
                      </ds:KeyInfo>
                    </md:KeyDescriptor>
                    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
                        Location="https://idp.example.test/sso"/>
                  </md:IDPSSODescriptor>
                </md:EntityDescriptor>
                """.formatted(entityId, certificateBase64);
    }

    private static Path writeMetadata() {
        String metadata = metadata(ENTITY_ID, KEYS.certificateBase64());
        try {
            Path file = Files.createTempFile("gatehouse-test-idp", ".xml");
            file.toFile().deleteOnExit();
            return Files.writeString(file, metadata);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
