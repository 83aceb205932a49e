package dev.gatehouse.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import com.vaadin.flow.spring.security.UidlRedirectStrategy;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;


import dev.gatehouse.security.GatehouseUser;
import dev.gatehouse.security.SignInOptions;
import dev.gatehouse.security.ui.SignInView;
import dev.gatehouse.shared.GatehouseMode;

/**
 * The one security filter chain. Vaadin's configurer guards views by their annotations; sign-in is
 * SAML in production and persona choice in demo mode, and both start at {@link SignInView}. No form
 * login, so there is no password endpoint.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    static final String SIGN_IN_PATH = "/sign-in";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, NavigationAccessControl accessControl,
                                            ObjectProvider<SignInHttpCustomizer> signIn, SignInRecorder recorder,
                                            SignInRefusals refusals, SessionRevocationRepository revocations,
                                            SecurityProperties properties, SecurityHeaders headers,
                                            GatehouseMode mode, Clock clock) throws Exception {
        headers.applyTo(http);
        // Icons (the browser tab's, set by ui.AppShell) show on the sign-in page too.
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/icons/**").permitAll());
        http.addFilterAfter(new SignInInputGuard(refusals, properties.saml().limits().maxSize().toBytes(),
                mode == GatehouseMode.PRODUCTION ? properties.saml().registrationId() : null),
                HeaderWriterFilter.class);
        http.addFilterAfter(new SessionLimits(revocations, recorder, properties.session(), clock),
                SecurityContextHolderFilter.class);
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin
                .addLogoutHandler(recordSignOut(recorder))
                .logoutSuccessHandler(signedOutPage()));
        http.exceptionHandling(exceptions -> exceptions
                .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(SIGN_IN_PATH)));
        for (SignInHttpCustomizer customizer : signIn) {
            customizer.customize(http);
        }
        accessControl.setLoginView(SignInView.class);
        return http.build();
    }

    @Bean
    SignInOptions signInOptions(GatehouseMode mode, SecurityProperties properties) {
        Optional<String> identityProvider = mode == GatehouseMode.PRODUCTION
                ? Optional.of("/saml2/authenticate/" + properties.saml().registrationId())
                : Optional.empty();
        return new SignInOptions(mode, identityProvider, properties.saml().providerName());
    }

    @Bean
    RecurringTask<Void> refusedAttemptCleanup(RefusedAttemptRepository repository, SecurityProperties properties,
                                              Clock clock) {
        return Tasks.recurring("refused-attempt-cleanup", FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> repository.deleteBefore(
                        clock.instant().minus(properties.attempts().window().multipliedBy(2))));
    }

    private static LogoutHandler recordSignOut(SignInRecorder recorder) {
        return (request, response, authentication) -> {
            if (authentication != null && authentication.getPrincipal() instanceof GatehouseUser user) {
                recorder.signedOut(user, request);
            }
        };
    }

    private static SimpleUrlLogoutSuccessHandler signedOutPage() {
        SimpleUrlLogoutSuccessHandler handler = new SimpleUrlLogoutSuccessHandler();
        handler.setDefaultTargetUrl(SIGN_IN_PATH + "?signed-out");
        handler.setRedirectStrategy(new UidlRedirectStrategy());
        return handler;
    }
}
