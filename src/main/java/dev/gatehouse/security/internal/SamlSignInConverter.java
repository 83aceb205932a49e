package dev.gatehouse.security.internal;

import static java.util.stream.Collectors.toCollection;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.schema.XSAny;
import org.opensaml.core.xml.schema.XSString;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AuthnContext;
import org.opensaml.saml.saml2.core.AuthnStatement;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.saml2.core.Saml2Error;
import org.springframework.security.saml2.core.Saml2ErrorCodes;
import org.springframework.security.saml2.provider.service.authentication.OpenSaml4AuthenticationProvider.ResponseToken;
import org.springframework.security.saml2.provider.service.authentication.Saml2Authentication;
import org.springframework.security.saml2.provider.service.authentication.Saml2AuthenticationException;
import org.springframework.util.StringUtils;

import dev.gatehouse.security.GatehouseUser;
import dev.gatehouse.security.SignInFailure;
import dev.gatehouse.security.SignInMethod;
import dev.gatehouse.security.internal.SecurityProperties.UserLookup;

/** Turns a validated SAML response into the signed-in {@link GatehouseUser}, refusing assertions seen before. */
final class SamlSignInConverter implements Converter<ResponseToken, Saml2Authentication> {

    private final SecurityProperties.Saml saml;
    private final SecurityProperties.Mfa mfa;
    private final RoleMapper roles;
    private final AssertionReplayGuard replayGuard;
    private final Clock clock;

    SamlSignInConverter(SecurityProperties.Saml saml, SecurityProperties.Mfa mfa, RoleMapper roles,
                        AssertionReplayGuard replayGuard, Clock clock) {
        this.saml = saml;
        this.mfa = mfa;
        this.roles = roles;
        this.replayGuard = replayGuard;
        this.clock = clock;
    }

    @Override
    public Saml2Authentication convert(ResponseToken token) {
        Assertion assertion = token.getResponse().getAssertions().get(0);
        Instant expiry = expiry(assertion).orElseThrow(() -> SignInFailure.NO_EXPIRY.asSamlException());
        if (!expiry.isAfter(clock.instant())) {
            throw SignInFailure.EXPIRED.asSamlException();
        }
        if (!replayGuard.firstUse(assertion.getID(), expiry)) {
            throw SignInFailure.REPLAYED.asSamlException();
        }
        String nameId = assertion.getSubject().getNameID().getValue();
        String email = first(assertion, saml.emailAttribute());
        SortedSet<String> groups = values(assertion, saml.groupsAttribute()).collect(toCollection(TreeSet::new));
        GatehouseUser user = new GatehouseUser(nameId, displayName(assertion, nameId), email,
                directoryUserName(nameId, email), groups, roles.rolesFor(groups), SignInMethod.SAML,
                GatehouseUser.newSignInId(), authenticatedAt(assertion), withSecondFactor(assertion));
        return new Saml2Authentication(user, token.getToken().getSaml2Response(), user.authorities());
    }

    /** When the identity provider authenticated the person: the AuthnInstant (never later than now), else now. */
    private Instant authenticatedAt(Assertion assertion) {
        Instant now = clock.instant();
        return assertion.getAuthnStatements().stream().map(AuthnStatement::getAuthnInstant).filter(Objects::nonNull)
                .max(Instant::compareTo).filter(instant -> instant.isBefore(now)).orElse(now);
    }

    /** Whether an AuthnContextClassRef of the assertion is one of the configured MFA contexts. */
    private boolean withSecondFactor(Assertion assertion) {
        return assertion.getAuthnStatements().stream().map(AuthnStatement::getAuthnContext).filter(Objects::nonNull)
                .map(AuthnContext::getAuthnContextClassRef).filter(Objects::nonNull)
                .map(ref -> ref.getURI() == null ? "" : ref.getURI().strip())
                .anyMatch(mfa.samlContexts()::contains);
    }

    private String directoryUserName(String nameId, String email) {
        if (saml.userLookup() == UserLookup.USER_NAME) {
            return nameId;
        }
        if (email.isEmpty()) {
            throw new Saml2AuthenticationException(new Saml2Error(Saml2ErrorCodes.USERNAME_NOT_FOUND,
                    "The assertion has no '" + saml.emailAttribute() + "' attribute to find the Identity Store user"));
        }
        return email;
    }

    private String displayName(Assertion assertion, String nameId) {
        String displayName = first(assertion, saml.displayNameAttribute());
        if (!displayName.isEmpty()) {
            return displayName;
        }
        String fullName = (first(assertion, saml.givenNameAttribute()) + " "
                + first(assertion, saml.familyNameAttribute())).trim();
        return fullName.isEmpty() ? nameId : fullName;
    }

    /**
     * The latest moment the assertion could still be accepted, its validity times plus the clock skew;
     * until then its id must be remembered. The validator has made sure there is one.
     */
    private Optional<Instant> expiry(Assertion assertion) {
        Stream<Instant> conditions = Stream.ofNullable(assertion.getConditions()).map(c -> c.getNotOnOrAfter());
        Stream<Instant> confirmations = assertion.getSubject() == null ? Stream.empty()
                : assertion.getSubject().getSubjectConfirmations().stream()
                        .map(SubjectConfirmation::getSubjectConfirmationData).filter(Objects::nonNull)
                        .map(data -> data.getNotOnOrAfter());
        return Stream.concat(conditions, confirmations).filter(Objects::nonNull).max(Instant::compareTo)
                .map(latest -> latest.plus(saml.clockSkew()));
    }

    private static String first(Assertion assertion, String attributeName) {
        return values(assertion, attributeName).findFirst().orElse("");
    }

    private static Stream<String> values(Assertion assertion, String attributeName) {
        return assertion.getAttributeStatements().stream()
                .flatMap(statement -> statement.getAttributes().stream())
                .filter(attribute -> matches(attribute, attributeName))
                .flatMap(attribute -> attribute.getAttributeValues().stream())
                .map(SamlSignInConverter::text)
                .filter(StringUtils::hasText)
                .map(String::trim);
    }

    /** By Name only (SAML core §2.7.3.1): a FriendlyName is a display hint anyone can set, so never an admin group. */
    private static boolean matches(Attribute attribute, String name) {
        return name.equals(attribute.getName());
    }

    private static String text(XMLObject value) {
        if (value instanceof XSString string) {
            return string.getValue();
        }
        if (value instanceof XSAny any) {
            return any.getTextContent();
        }
        return null;
    }

}
