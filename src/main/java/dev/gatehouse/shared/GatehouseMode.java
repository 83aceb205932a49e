package dev.gatehouse.shared;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * How this installation runs. Demo mode uses the sandbox organization and demo sign-in; it is chosen
 * only while neither an identity provider nor an Identity Center instance is configured.
 */
public enum GatehouseMode {
    DEMO,
    PRODUCTION;

    public static final String IDP_METADATA_PROPERTY = "gatehouse.security.saml.idp-metadata";
    public static final String INSTANCE_ARN_PROPERTY = "gatehouse.identity-center.instance-arn";

    public static GatehouseMode of(Environment env) {
        boolean configured = StringUtils.hasText(env.getProperty(IDP_METADATA_PROPERTY))
                || StringUtils.hasText(env.getProperty(INSTANCE_ARN_PROPERTY));
        return configured ? PRODUCTION : DEMO;
    }
}
