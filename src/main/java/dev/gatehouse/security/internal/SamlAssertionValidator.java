package dev.gatehouse.security.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.opensaml.saml.saml2.core.Condition;
import org.opensaml.saml.saml2.core.OneTimeUse;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.saml2.core.Saml2Error;
import org.springframework.security.saml2.core.Saml2ErrorCodes;
import org.springframework.security.saml2.core.Saml2ResponseValidatorResult;
import org.springframework.security.saml2.provider.service.authentication.AbstractSaml2AuthenticationRequest;
import org.springframework.security.saml2.provider.service.authentication.OpenSaml4AuthenticationProvider.AssertionToken;
import org.springframework.security.saml2.provider.service.registration.RelyingPartyRegistration;

/**
 * Spring Security's assertion checks, rebuilt on the constructor OpenSAML 4.0.1 has: Spring's default
 * validator calls one that only exists from 4.1 (NoSuchMethodError at the ACS, DESIGN.md §7). Checks
 * audience, issuer, time window with clock skew, bearer subject confirmation (recipient, expiry,
 * InResponseTo) and delegation and proxy restrictions. Signatures are verified by Spring before this
 * runs; one-time use is enforced for every assertion by {@link AssertionReplayGuard}.
 */
final class SamlAssertionValidator implements Converter<AssertionToken, Saml2ResponseValidatorResult> {

    private final SAML20AssertionValidator validator;
    private final Duration clockSkew;

    SamlAssertionValidator(Duration clockSkew) {
        this.clockSkew = clockSkew;
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
