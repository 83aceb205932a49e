package dev.gatehouse.security.internal;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/** Adds a sign-in mechanism to the one security filter chain. */
interface SignInHttpCustomizer {

    void customize(HttpSecurity http) throws Exception;
}
