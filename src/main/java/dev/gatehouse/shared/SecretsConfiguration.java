package dev.gatehouse.shared;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

    /** Before the web server takes requests, so no code ever reads a plaintext secret of an earlier version. */
    @Bean
    SmartInitializingSingleton encryptPlaintextSecretsAtStartup(SecretSealing sealing) {
        return sealing::sealPlaintext;
    }
}
