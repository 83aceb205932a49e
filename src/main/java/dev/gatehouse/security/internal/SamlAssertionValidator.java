package dev.gatehouse.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import javax.xml.namespace.QName;

import org.opensaml.saml.common.assertion.ValidationContext;
import org.opensaml.saml.common.assertion.ValidationResult;
import org.opensaml.saml.saml2.assertion.ConditionValidator;
import org.opensaml.saml.saml2.assertion.SAML20AssertionValidator;
import org.opensaml.saml.saml2.assertion.SAML2AssertionValidationParameters;
import org.opensaml.saml.saml2.assertion.impl.AudienceRestrictionConditionValidator;
import org.opensaml.saml.saml2.assertion.impl.BearerSubjectConfirmationValidator;
import org.opensaml.saml.saml2.assertion.impl.DelegationRestrictionConditionValidator;
import org.opensaml.saml.saml2.assertion.impl.ProxyRestrictionConditionValidator;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.AudienceRestriction;
import org.opensaml.saml.saml2.core.AuthnStatement;
import org.opensaml.saml.saml2.core.Audience;
import org.opensaml.saml.saml2.core.Conditions;
import org.opensaml.saml.saml2.core.Condition;
import org.opensaml.saml.saml2.core.OneTimeUse;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.saml2.core.Saml2Error;
import org.springframework.security.saml2.core.Saml2ErrorCodes;
import org.springframework.security.saml2.core.Saml2ResponseValidatorResult;
import org.springframework.security.saml2.provider.service.authentication.AbstractSaml2AuthenticationRequest;
import org.springframework.security.saml2.provider.service.authentication.OpenSaml4AuthenticationProvider.AssertionToken;
import org.springframework.security.saml2.provider.service.registration.RelyingPartyRegistration;

import dev.gatehouse.security.SignInFailure;

/**
 * The SAML 2.0 Web Browser SSO profile (§4.1.4.2–4.1.4.3), checked in Gatehouse's own words first, then
 * Spring Security's assertion checks as the floor. Spring's default validator calls a constructor that only
 * exists from OpenSAML 4.1 (NoSuchMethodError at the ACS), so the floor is rebuilt here on the one 4.0.1
 * has: audience, issuer, time window with clock skew, bearer subject confirmation
 * (recipient, expiry, InResponseTo) and delegation and proxy restrictions. Signatures are verified by Spring
 * around this; one-time use is enforced for every assertion by {@link AssertionReplayGuard}.
 */
final class SamlAssertionValidator implements Converter<AssertionToken, Saml2ResponseValidatorResult> {

    private final SAML20AssertionValidator validator;
    private final Duration clockSkew;
    private final Clock clock;

    SamlAssertionValidator(Duration clockSkew, Clock clock) {
        this.clockSkew = clockSkew;
        this.clock = clock;
        List<ConditionValidator> conditions = List.of(new AudienceRestrictionConditionValidator(),
                new DelegationRestrictionConditionValidator(), new ProxyRestrictionConditionValidator(),
                new OneTimeUseConditionValidator());
        BearerSubjectConfirmationValidator bearer = new BearerSubjectConfirmationValidator() {
            @Override
            protected ValidationResult validateAddress(SubjectConfirmation confirmation, Assertion assertion,
                                                       ValidationContext context, boolean required) {
                // The client address seen behind proxies is not the one the IdP saw (Spring gh-7514).
                return ValidationResult.VALID;
            }
        };
        this.validator = new SAML20AssertionValidator(conditions, List.of(bearer), List.of(), null, null) {
            @Override
            protected ValidationResult validateSignature(Assertion assertion, ValidationContext context) {
                return ValidationResult.VALID;
            }
        };
    }

    @Override
    public Saml2ResponseValidatorResult convert(AssertionToken token) {
        Assertion assertion = token.getAssertion();
        Optional<SignInFailure> refusal = profileRefusal(assertion, token);
        if (refusal.isPresent()) {
            return Saml2ResponseValidatorResult.failure(refusal.get().asSamlError());
        }
        ValidationContext context = new ValidationContext(parameters(token));
        try {
            if (validator.validate(assertion, context) == ValidationResult.VALID) {
                return Saml2ResponseValidatorResult.success();
            }
            return failure(assertion, context.getValidationFailureMessage());
        } catch (Exception e) {
            return failure(assertion, e.getMessage());
        }
    }

    /** The first rule of the profile the assertion breaks, if any. */
    Optional<SignInFailure> profileRefusal(Assertion assertion, AssertionToken token) {
        RelyingPartyRegistration registration = token.getToken().getRelyingPartyRegistration();
        AbstractSaml2AuthenticationRequest request = token.getToken().getAuthenticationRequest();
        Instant now = clock.instant();
        if (assertion.getIssuer() == null
                || !registration.getAssertingPartyMetadata().getEntityId().equals(assertion.getIssuer().getValue())) {
            return Optional.of(SignInFailure.WRONG_ISSUER);
        }
        if (assertion.getIssueInstant() != null && assertion.getIssueInstant().isAfter(now.plus(clockSkew))) {
            return Optional.of(SignInFailure.NOT_YET_VALID);
        }
        Optional<SignInFailure> conditions = conditionsRefusal(assertion.getConditions(), registration.getEntityId(),
                now);
        if (conditions.isPresent()) {
            return conditions;
        }
        Optional<SignInFailure> confirmation = confirmationRefusal(assertion,
                registration.getAssertionConsumerServiceLocation(), request == null ? null : request.getId(), now);
        if (confirmation.isPresent()) {
            return confirmation;
        }
        boolean authenticatedInFuture = assertion.getAuthnStatements().stream().map(AuthnStatement::getAuthnInstant)
                .filter(Objects::nonNull).anyMatch(instant -> instant.isAfter(now.plus(clockSkew)));
        return authenticatedInFuture ? Optional.of(SignInFailure.FUTURE_AUTHENTICATION) : Optional.empty();
    }

    /** An AudienceRestriction naming Gatehouse is required; every restriction present must name it. */
    private Optional<SignInFailure> conditionsRefusal(Conditions conditions, String entityId, Instant now) {
        if (conditions == null || conditions.getAudienceRestrictions().isEmpty()) {
            return Optional.of(SignInFailure.NO_AUDIENCE);
        }
        for (AudienceRestriction restriction : conditions.getAudienceRestrictions()) {
            if (restriction.getAudiences().stream().map(Audience::getURI).noneMatch(entityId::equals)) {
                return Optional.of(SignInFailure.WRONG_AUDIENCE);
            }
        }
        if (conditions.getNotBefore() != null && conditions.getNotBefore().isAfter(now.plus(clockSkew))) {
            return Optional.of(SignInFailure.NOT_YET_VALID);
        }
        if (conditions.getNotOnOrAfter() != null && !conditions.getNotOnOrAfter().isAfter(now.minus(clockSkew))) {
            return Optional.of(SignInFailure.EXPIRED);
        }
        return Optional.empty();
    }

    /**
     * A bearer SubjectConfirmation must carry NotOnOrAfter, the ACS as Recipient and, for a sign-in started
     * here, the request's id as InResponseTo. One confirmation meeting all of it is enough; otherwise the
     * first bearer confirmation's problem is the reason.
     */
    private Optional<SignInFailure> confirmationRefusal(Assertion assertion, String acs, String requestId,
                                                        Instant now) {
        if (assertion.getSubject() == null) {
            return Optional.of(SignInFailure.NO_BEARER_CONFIRMATION);
        }
        List<SubjectConfirmationData> bearer = assertion.getSubject().getSubjectConfirmations().stream()
                .filter(c -> SubjectConfirmation.METHOD_BEARER.equals(c.getMethod()))
                .map(SubjectConfirmation::getSubjectConfirmationData).filter(Objects::nonNull).toList();
        if (bearer.isEmpty()) {
            return Optional.of(SignInFailure.NO_BEARER_CONFIRMATION);
        }
        List<Optional<SignInFailure>> problems = bearer.stream().map(data -> dataRefusal(data, acs, requestId, now))
                .toList();
        return problems.stream().anyMatch(Optional::isEmpty) ? Optional.empty() : problems.get(0);
    }

    private Optional<SignInFailure> dataRefusal(SubjectConfirmationData data, String acs, String requestId,
                                                Instant now) {
        if (data.getNotOnOrAfter() == null) {
            return Optional.of(SignInFailure.NO_EXPIRY);
        }
        if (!data.getNotOnOrAfter().isAfter(now.minus(clockSkew))) {
            return Optional.of(SignInFailure.EXPIRED);
        }
        if (data.getNotBefore() != null && data.getNotBefore().isAfter(now.plus(clockSkew))) {
            return Optional.of(SignInFailure.NOT_YET_VALID);
        }
        if (!acs.equals(data.getRecipient())) {
            return Optional.of(SignInFailure.WRONG_RECIPIENT);
        }
        if (requestId != null ? !requestId.equals(data.getInResponseTo()) : data.getInResponseTo() != null) {
            return Optional.of(SignInFailure.UNKNOWN_REQUEST);
        }
        return Optional.empty();
    }

    private Map<String, Object> parameters(AssertionToken token) {
        RelyingPartyRegistration registration = token.getToken().getRelyingPartyRegistration();
        AbstractSaml2AuthenticationRequest request = token.getToken().getAuthenticationRequest();
        Map<String, Object> parameters = new HashMap<>(Map.of(
                SAML2AssertionValidationParameters.COND_VALID_AUDIENCES, Set.of(registration.getEntityId()),
                SAML2AssertionValidationParameters.SC_VALID_RECIPIENTS,
                Set.of(registration.getAssertionConsumerServiceLocation()),
                SAML2AssertionValidationParameters.VALID_ISSUERS,
                Set.of(registration.getAssertingPartyMetadata().getEntityId()),
                SAML2AssertionValidationParameters.CLOCK_SKEW, clockSkew));
        if (request != null) {
            parameters.put(SAML2AssertionValidationParameters.SC_VALID_IN_RESPONSE_TO, request.getId());
        }
        return parameters;
    }

    private static Saml2ResponseValidatorResult failure(Assertion assertion, String reason) {
        return Saml2ResponseValidatorResult.failure(new Saml2Error(Saml2ErrorCodes.INVALID_ASSERTION,
                "Invalid assertion [" + assertion.getID() + "]: " + reason));
    }

    /** OneTimeUse is honoured for all assertions by the replay guard, so the condition itself passes. */
    private static final class OneTimeUseConditionValidator implements ConditionValidator {
        @Override
        public QName getServicedCondition() {
            return OneTimeUse.DEFAULT_ELEMENT_NAME;
        }

        @Override
        public ValidationResult validate(Condition condition, Assertion assertion, ValidationContext context) {
            return ValidationResult.VALID;
        }
    }
}
