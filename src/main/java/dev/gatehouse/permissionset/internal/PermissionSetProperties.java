package dev.gatehouse.permissionset.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Permission-set settings, {@code gatehouse.permission-sets.*} in application.yml or as
 * GATEHOUSE_PERMISSION_SETS_* variables.
 *
 * @param maxSessionDuration the longest AWS role session the organization accepts; longer ones are flagged
 */
@ConfigurationProperties("gatehouse.permission-sets")
public record PermissionSetProperties(@DefaultValue("PT8H") Duration maxSessionDuration) {
}
