package dev.gatehouse.aws.internal;

import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

import dev.gatehouse.aws.AccountAssignments;
import dev.gatehouse.aws.AwsConnection;
import dev.gatehouse.aws.IdentityCenter;
import dev.gatehouse.aws.IdentityStore;
import dev.gatehouse.aws.ManagedPolicies;
import dev.gatehouse.aws.Organizations;
import dev.gatehouse.aws.PermissionSetChanges;
import dev.gatehouse.aws.PermissionSets;
import dev.gatehouse.shared.ConditionalOnMode;
import dev.gatehouse.shared.GatehouseMode;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AwsProperties.class)
class AwsConfiguration {

    /** In demo mode the sandbox module provides the connection instead. */
    @Bean
    @ConditionalOnMode(GatehouseMode.PRODUCTION)
    AwsConnection awsConnection(AwsProperties properties) {
        return new AwsConnection(properties.region(), Optional.ofNullable(properties.endpoint()),
                Optional.of(properties.instanceArn()).filter(arn -> !arn.isBlank()), false,
                properties.paceFactor(), properties.maxAttempts(), properties.baseDelay(), properties.maxDelay());
    }

    @Bean(destroyMethod = "close")
    IdentityCenter identityCenter(AwsConnection connection, MeterRegistry meters) {
        return IdentityCenter.connect(connection, meters);
    }

    @Bean
    Organizations organizations(IdentityCenter identityCenter) {
        return identityCenter.organizations();
    }

    @Bean
    IdentityStore identityStore(IdentityCenter identityCenter) {
        return identityCenter.identityStore();
    }

    @Bean
    AccountAssignments accountAssignments(IdentityCenter identityCenter) {
        return identityCenter.accountAssignments();
    }

    @Bean
    PermissionSets permissionSets(IdentityCenter identityCenter) {
        return identityCenter.permissionSets();
    }

    @Bean
    PermissionSetChanges permissionSetChanges(IdentityCenter identityCenter) {
        return identityCenter.permissionSetChanges();
    }

    @Bean
    ManagedPolicies managedPolicies(IdentityCenter identityCenter) {
        return identityCenter.managedPolicies();
    }
}
