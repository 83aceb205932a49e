package dev.gatehouse;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Binds a module's properties record the way Spring Boot does at start-up, without starting anything:
 * from settings as application.yml names them, or from environment variables.
 */
public final class TestSettings {

    private TestSettings() {
    }

    /** The record bound from settings named as in application.yml ("gatehouse.access.portal-url"). */
    public static <T> T bind(Class<T> record, Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate(prefix(record),
                Bindable.of(record));
    }

    /** The record bound from environment variables ("GATEHOUSE_ACCESS_PORTAL_URL"), as a deployment sets them. */
    public static <T> T bindEnvironment(Class<T> record, Map<String, String> variables) {
        SystemEnvironmentPropertySource environment = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.copyOf(variables));
        return new Binder(ConfigurationPropertySources.from(environment)).bindOrCreate(prefix(record),
                Bindable.of(record));
    }

    /** The record as bound with nothing set: its defaults. */
    public static <T> T defaults(Class<T> record) {
        return bind(record, Map.of());
    }

    private static String prefix(Class<?> record) {
        ConfigurationProperties properties = record.getAnnotation(ConfigurationProperties.class);
        return properties.prefix().isEmpty() ? properties.value() : properties.prefix();
    }
}
