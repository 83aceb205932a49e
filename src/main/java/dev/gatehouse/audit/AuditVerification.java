package dev.gatehouse.audit;

import java.time.Clock;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jooq.JooqAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import dev.gatehouse.audit.internal.AuditRepository;
import dev.gatehouse.audit.internal.NewEntry;

/**
 * {@code java -jar gatehouse.jar verify-audit}: verifies the audit trail's hash chain against the
 * configured database, prints the result, records it in the trail, and returns 0 when the chain is
 * intact and 1 when it is broken. Only the database connection starts: no web server, no scheduler,
 * no migration. Not a configuration class, so the application's component scan leaves it alone.
 */
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, JooqAutoConfiguration.class})
@Import(AuditRepository.class)
public class AuditVerification {

    static final String ACTOR = "command line";

    /** @return the exit code */
    public static int run(String... args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AuditVerification.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(args)) {
            return verify(context.getBean(AuditRepository.class), Clock.systemUTC());
        }
    }

    static int verify(AuditRepository repository, Clock clock) {
        ChainReport report = repository.verifyChain();
        System.out.println(report.summary());
        repository.append(NewEntry.of(clock.instant(), ACTOR, AuditAction.AUDIT_TRAIL_VERIFIED, "audit trail",
                report.summary()));
        return report.intact() ? 0 : 1;
    }
}
