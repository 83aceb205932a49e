package dev.gatehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.gatehouse.sandbox.Sandbox;
import dev.gatehouse.sandbox.SandboxOrganization;
import dev.gatehouse.security.TestIdentityProvider;

/** For two-node tests: a second Gatehouse in production mode on the test's database, with the test's sandbox as AWS. */
public final class SecondNode {

    private SecondNode() {
    }

    /** Started now; the caller closes it. */
    public static ConfigurableApplicationContext start(Sandbox sandbox) {
        Map<String, Object> properties = new HashMap<>();
        TestIdentityProvider.register((name, value) -> properties.put(name, value.get()));
        properties.put("gatehouse.identity-center.instance-arn", SandboxOrganization.INSTANCE_ARN);
        properties.put("gatehouse.identity-center.endpoint", sandbox.endpoint().toString());
        properties.put("gatehouse.identity-center.pace-factor", "0");
        properties.put("server.port", "0");
        System.setProperty("aws.accessKeyId", "gatehouse");
        System.setProperty("aws.secretAccessKey", "gatehouse");
        // As arguments, which outrank application.yml (the builder's own properties do not).
        ConfigurableApplicationContext node = new SpringApplicationBuilder(GatehouseApplication.class).run(
                properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
        assertThat(node.getBeansOfType(Sandbox.class)).as("the second node is in production mode").isEmpty();
        return node;
    }
}
