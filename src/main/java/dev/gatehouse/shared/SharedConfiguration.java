package dev.gatehouse.shared;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class SharedConfiguration {

    /** Every module reads time from this clock so that tests can move it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    GatehouseMode gatehouseMode(Environment env) {
        return GatehouseMode.of(env);
    }
}
