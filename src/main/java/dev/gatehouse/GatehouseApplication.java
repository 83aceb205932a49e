package dev.gatehouse;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;

import dev.gatehouse.audit.AuditVerification;

@SpringBootApplication
@EnableAsync
public class GatehouseApplication {

    /** The first argument that verifies the audit trail instead of starting the application. */
    static final String VERIFY_AUDIT = "verify-audit";

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(VERIFY_AUDIT)) {
            System.exit(AuditVerification.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals(SecretRotation.COMMAND)) {
            System.exit(SecretRotation.run(System.out, Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication application = new SpringApplication(GatehouseApplication.class);
        application.addListeners(new DatabaseStartupCheck(true));
        application.run(args);
    }
}
