package dev.gatehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private static final ApplicationModules MODULES = ApplicationModules.of(GatehouseApplication.class);
    private static final Path ARCHITECTURE = Path.of("docs/architecture.md");
    private static final Path DIAGRAMS = Path.of("target/spring-modulith-docs");

    @Test
    void modules_use_each_other_only_through_their_public_api_and_without_cycles() {
        MODULES.verify();
    }

    @Test
    void the_module_diagrams_are_written_to_target_spring_modulith_docs() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DIAGRAMS.toString()))
                .writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();

        assertThat(DIAGRAMS.resolve("components.puml")).exists();
        MODULES.forEach(module -> assertThat(DIAGRAMS.resolve("module-" + module.getIdentifier() + ".puml")).exists());
    }

    @Test
    void the_module_table_in_docs_architecture_md_names_every_module_and_nothing_else() throws IOException {
        Set<String> modules = MODULES.stream().map(module -> module.getIdentifier().toString())
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(documentedModules()).as("the module table in " + ARCHITECTURE).isEqualTo(modules);
    }

    /** The first column of the table under the "| module |" header, without its backticks. */
    private static Set<String> documentedModules() throws IOException {
        List<String> lines = Files.readAllLines(ARCHITECTURE);
        int header = lines.indexOf(lines.stream().filter(line -> line.startsWith("| module |")).findFirst()
                .orElseThrow(() -> new AssertionError(ARCHITECTURE + " has no table with a \"module\" column")));
        return lines.stream().skip(header + 2).takeWhile(line -> line.startsWith("|"))
                .map(line -> line.split("\\|")[1].strip().replace("`", ""))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
