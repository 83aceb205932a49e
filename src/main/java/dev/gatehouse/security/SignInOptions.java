package dev.gatehouse.security;

import java.util.Optional;

import dev.gatehouse.shared.GatehouseMode;

/**
 * What the sign-in page offers.
 *
 * @param mode                   demo or production
 * @param identityProviderUrl    where SAML sign-in starts, present in production mode
 * @param identityProviderName   the identity provider's name for the sign-in button
 */
public record SignInOptions(GatehouseMode mode, Optional<String> identityProviderUrl, String identityProviderName) {
}
