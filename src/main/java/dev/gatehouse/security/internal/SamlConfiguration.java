package dev.gatehouse.security.internal;

import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.saml2.core.Saml2Error;
import org.springframework.security.saml2.core.Saml2X509Credential;
import org.springframework.security.saml2.provider.service.authentication.OpenSaml4AuthenticationProvider;
import org.springframework.security.saml2.provider.service.authentication.Saml2AuthenticationException;
import org.springframework.security.saml2.provider.service.registration.InMemoryRelyingPartyRegistrationRepository;
import org.springframework.security.saml2.provider.service.registration.RelyingPartyRegistration;
import org.springframework.security.saml2.provider.service.registration.RelyingPartyRegistrationRepository;
import org.springframework.security.saml2.provider.service.registration.RelyingPartyRegistrations;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.util.StringUtils;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import dev.gatehouse.security.GatehouseUser;
import dev.gatehouse.security.SignInFailure;
import dev.gatehouse.shared.ConditionalOnMode;
import dev.gatehouse.shared.GatehouseMode;
import dev.gatehouse.shared.StartupProblem;

/** SAML 2.0 sign-in through the identity provider named by its metadata; production mode only. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnMode(GatehouseMode.PRODUCTION)
class SamlConfiguration {

    static final String METADATA_URL = "/saml2/service-provider-metadata/{registrationId}";

    @Bean
    RelyingPartyRegistrationRepository relyingPartyRegistrations(SecurityProperties properties, ResourceLoader loader) {
        SecurityProperties.Saml saml = properties.saml();
        if (!StringUtils.hasText(saml.idpMetadata())) {
            throw new StartupProblem("Production mode needs an identity provider, but no IdP metadata is configured.",
                    "Set GATEHOUSE_SECURITY_SAML_IDP_METADATA to your IdP's metadata URL or file.");
        }
        String base = StringUtils.hasText(saml.baseUrl()) ? saml.baseUrl().replaceAll("/+$", "") : "{baseUrl}";
        RelyingPartyRegistration.Builder builder;
        try {
            builder = RelyingPartyRegistrations.fromMetadataLocation(location(saml.idpMetadata()));
        } catch (RuntimeException e) {
            throw new StartupProblem("Gatehouse cannot read the IdP metadata at " + saml.idpMetadata() + ": "
                    + e.getMessage(), "Check GATEHOUSE_SECURITY_SAML_IDP_METADATA and that the IdP is reachable.");
        }
        builder.registrationId(saml.registrationId())
                .entityId(base + METADATA_URL)
                .assertionConsumerServiceLocation(base + "/login/saml2/sso/{registrationId}");
        if (StringUtils.hasText(saml.signingKey())) {
            Saml2X509Credential signing = Saml2X509Credential.signing(privateKey(loader, saml.signingKey()),
                    certificate(loader, saml.signingCertificate()));
            builder.signingX509Credentials(credentials -> credentials.add(signing));
        }
        return new InMemoryRelyingPartyRegistrationRepository(builder.build());
    }

    @Bean
    SamlSignInProvider samlAuthenticationProvider(SecurityProperties properties, RoleMapper roles,
                                                  AssertionReplayGuard replayGuard, Clock clock) {
        SecurityProperties.Saml saml = properties.saml();
        OpenSaml4AuthenticationProvider provider = new OpenSaml4AuthenticationProvider();
        provider.setAssertionValidator(new SamlAssertionValidator(saml.clockSkew(), clock));
        provider.setResponseAuthenticationConverter(
                new SamlSignInConverter(saml, properties.mfa(), roles, replayGuard, clock));
        SamlResponseScanner scanner = new SamlResponseScanner(saml.limits(), SamlAlgorithms.checked(saml.algorithms()));
        return new SamlSignInProvider(scanner, provider, saml.allowUnsolicited());
    }

    @Bean
    SignInHttpCustomizer samlSignIn(SamlSignInProvider provider, SignInRecorder recorder, SignInRefusals refusals) {
        FreshSessionAtSignIn freshSession = new FreshSessionAtSignIn();
        return http -> http
                .sessionManagement(sessions -> sessions.sessionAuthenticationStrategy(freshSession))
                .saml2Login(saml -> saml
                        .loginPage(SecurityConfiguration.SIGN_IN_PATH)
                        .authenticationManager(new ProviderManager(provider))
                        .successHandler((request, response, authentication) -> {
                            recorder.signedIn((GatehouseUser) authentication.getPrincipal(), request);
                            response.sendRedirect(freshSession.returnTo(request));
                        })
                        .failureHandler(failureHandler(refusals)))
                .saml2Metadata(metadata -> metadata.metadataUrl(METADATA_URL));
    }

    @Bean
    RecurringTask<Void> assertionReplayCleanup(AssertionReplayRepository repository, Clock clock) {
        return Tasks.recurring("saml-assertion-replay-cleanup", FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> repository.deleteExpired(clock.instant()));
    }

    /** Spring's error descriptions quote the response and exceptions; only the mapped reason goes further. */
    private static AuthenticationFailureHandler failureHandler(SignInRefusals refusals) {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
            SignInFailure failure = SignInFailure.INVALID_RESPONSE;
            if (exception instanceof Saml2AuthenticationException saml) {
                Saml2Error error = saml.getSaml2Error();
                failure = SignInFailure.fromSaml(error.getErrorCode(), error.getDescription());
            }
            refusals.refuse(failure, request, response);
        };
    }

    /** Bare paths are files; Spring would otherwise look for them on the classpath. */
    private static String location(String configured) {
        return configured.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") ? configured : "file:" + configured;
    }

    private static RSAPrivateKey privateKey(ResourceLoader loader, String location) {
        try (InputStream in = open(loader, location, "signing key")) {
            return RsaKeyConverters.pkcs8().convert(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new StartupProblem("The SAML signing key at " + location + " is not a PEM PKCS#8 RSA key.",
                    "Set GATEHOUSE_SECURITY_SAML_SIGNING_KEY to such a file (openssl pkcs8 -topk8 -nocrypt).");
        }
    }

    private static X509Certificate certificate(ResourceLoader loader, String location) {
        try (InputStream in = open(loader, location, "signing certificate")) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | CertificateException e) {
            throw new StartupProblem("The SAML signing certificate at " + location + " is not a PEM X.509 certificate.",
                    "Set GATEHOUSE_SECURITY_SAML_SIGNING_CERTIFICATE to the certificate of the signing key.");
        }
    }

    private static InputStream open(ResourceLoader loader, String location, String what) throws IOException {
        Resource resource = loader.getResource(location(location));
        if (!StringUtils.hasText(location) || !resource.exists()) {
            throw new StartupProblem("The SAML " + what + " was not found at '" + location + "'.",
                    "Set GATEHOUSE_SECURITY_SAML_SIGNING_KEY and GATEHOUSE_SECURITY_SAML_SIGNING_CERTIFICATE together.");
        }
        return resource.getInputStream();
    }
}
