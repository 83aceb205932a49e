package dev.gatehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

import dev.gatehouse.shared.StartupProblem;

class DatabaseStartupCheckTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private final DatabaseStartupCheck check = new DatabaseStartupCheck(false);

    @Test
    void an_unreachable_database_stops_start_up_with_what_to_do() throws IOException {
        String url = "jdbc:postgresql://127.0.0.1:" + freePort() + "/gatehouse";

        assertThatThrownBy(() -> check.onApplicationEvent(startingWith(url)))
                .isInstanceOf(StartupProblem.class)
                .hasMessage("Gatehouse cannot reach its database at " + url + ": Connection to 127.0.0.1:"
                        + url.replaceAll(".*:(\\d+)/.*", "$1") + " refused.")
                .satisfies(e -> assertThat(((StartupProblem) e).action()).contains("GATEHOUSE_DB_URL"));
    }

    @Test
    void the_failure_report_is_the_problem_and_the_action_without_a_stack_trace() {
        FailureAnalysis analysis = new StartupProblemFailureAnalyzer()
                .analyze(new IllegalStateException(new StartupProblem("It broke.", "Fix it.")));

        assertThat(analysis.getDescription()).isEqualTo("It broke.");
        assertThat(analysis.getAction()).isEqualTo("Fix it.");
        assertThat(analysis.getCause()).isNull();
    }

    @Test
    void a_missing_database_is_created_on_first_start() throws SQLException {
        String name = "gatehouse_startup_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try {
            check.onApplicationEvent(startingWith(SERVER + name));

            try (Connection connection = DriverManager.getConnection(SERVER + name, "postgres", "")) {
                assertThat(connection.isValid(2)).isTrue();
            }
        } finally {
            try (Connection connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("drop database if exists " + name);
            }
        }
    }

    @Test
    void a_missing_database_is_created_by_the_owner_even_when_its_url_names_the_user() throws SQLException {
        String name = "gatehouse_startup_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", SERVER + name)
                .withProperty("spring.datasource.username", "gatehouse_app")
                .withProperty(DatabaseLogin.OWNER_URL, SERVER + name + "?user=postgres");
        try {
            check.onApplicationEvent(new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(),
                    new SpringApplication(), new String[0], environment));

            try (Connection connection = DriverManager.getConnection(SERVER + name, "postgres", "")) {
                assertThat(connection.isValid(2)).isTrue();
            }
        } finally {
            try (Connection connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("drop database if exists " + name);
            }
        }
    }

    @Test
    void a_database_name_it_would_have_to_quote_is_not_created() {
        assertThatThrownBy(() -> check.onApplicationEvent(startingWith(SERVER + "no;such-db")))
                .isInstanceOf(StartupProblem.class)
                .hasMessageContaining("does not exist");
    }

    private static ApplicationEnvironmentPreparedEvent startingWith(String url) {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", url)
                .withProperty("spring.datasource.username", "postgres");
        return new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(), new SpringApplication(),
                new String[0], environment);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
