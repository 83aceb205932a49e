package dev.gatehouse.shared;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

    /** Before the web server takes requests: secrets an earlier version stored in plaintext are encrypted first. */
    @Bean
    SmartInitializingSingleton encryptPlaintextSecretsAtStartup(SecretSealing sealing) {
        return sealing::sealPlaintext;
    }
}
