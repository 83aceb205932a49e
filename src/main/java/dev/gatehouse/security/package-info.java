/**
 * Who is signed in and with which roles: SAML 2.0 sign-in in production, persona sign-in in demo mode,
 * role mapping from identity-provider groups, and the sign-in events the audit trail records.
 */
package dev.gatehouse.security;
