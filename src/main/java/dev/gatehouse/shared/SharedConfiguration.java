package dev.gatehouse.shared;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class SharedConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SharedConfiguration.class);

    /** Every module reads time from this clock so that tests can move it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    GatehouseMode gatehouseMode(Environment env) {
        GatehouseMode mode = GatehouseMode.of(env);
        if (mode == GatehouseMode.DEMO) {
            log.info("Demo mode: no identity provider and no Identity Center instance are configured, so sign-in "
                    + "offers sample people and nothing reaches AWS. README.md explains production mode.");
        } else {
            log.info("Production mode: sign-in through the configured identity provider.");
        }
        return mode;
    }
}
