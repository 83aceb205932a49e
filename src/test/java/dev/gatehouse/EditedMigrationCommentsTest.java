package dev.gatehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** A database migrated before a migration's comment was corrected still starts, and nothing else slips by. */
class EditedMigrationCommentsTest {

    private static final String SERVER = "jdbc:postgresql://localhost:5432/";

    private String name;
    private PGSimpleDataSource owner;

    @BeforeEach
    void aMigratedDatabase() throws SQLException {
        name = TestDatabase.freshName("edited");
        execute(SERVER + "postgres", "create database " + name);
        owner = new PGSimpleDataSource();
        owner.setUrl(SERVER + name);
        owner.setUser("postgres");
        flyway().migrate();
    }

    @AfterEach
    void dropIt() throws SQLException {
        execute(SERVER + "postgres", "drop database if exists " + name + " with (force)");
    }

    @Test
    void the_corrected_migration_is_recorded_with_the_checksum_the_callback_moves_to() throws SQLException {
        assertThat(checksumOf6()).isEqualTo(EditedMigrationComments.EDITED.get("6")[1]);
    }

    @Test
    void a_database_that_recorded_the_old_text_validates_and_records_the_new_checksum() throws SQLException {
        setChecksumOf6(EditedMigrationComments.EDITED.get("6")[0]);
        assertThatThrownBy(() -> flyway().validate()).as("without the callback").isInstanceOf(FlywayException.class);

        flywayWithCallback().migrate();

        assertThat(checksumOf6()).isEqualTo(EditedMigrationComments.EDITED.get("6")[1]);
    }

    @Test
    void any_other_change_to_an_applied_migration_is_still_refused() throws SQLException {
        setChecksumOf6(12345L);

        assertThatThrownBy(() -> flywayWithCallback().migrate()).isInstanceOf(FlywayException.class)
                .hasMessageContaining("checksum mismatch");
    }

    private Flyway flyway() {
        return Flyway.configure().dataSource(owner).locations("classpath:db/migration").load();
    }

    private Flyway flywayWithCallback() {
        return Flyway.configure().dataSource(owner).locations("classpath:db/migration")
                .callbacks(new EditedMigrationComments()).load();
    }

    private long checksumOf6() throws SQLException {
        try (Connection connection = owner.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select checksum from flyway_schema_history where version = '6'")) {
            row.next();
            return row.getLong(1);
        }
    }

    private void setChecksumOf6(long checksum) throws SQLException {
        try (Connection connection = owner.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("update flyway_schema_history set checksum = " + checksum + " where version = '6'");
        }
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
