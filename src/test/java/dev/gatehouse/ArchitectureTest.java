package dev.gatehouse;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.gatehouse", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule views_only_talk_to_services = noClasses()
            .that().resideInAPackage("..ui..")
            .should().dependOnClassesThat().resideInAnyPackage("..internal..", "dev.gatehouse.db..", "org.jooq..",
                    "software.amazon.awssdk..", "javax.sql..", "org.springframework.jdbc..")
            .because("views use their module's public services (docs/architecture.md, Inside a module)");

    @ArchTest
    static final ArchRule only_the_aws_adapter_imports_the_aws_sdk = noClasses()
            .that().resideOutsideOfPackage("dev.gatehouse..aws..")
            .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..");

    @ArchTest
    static final ArchRule only_repositories_use_the_generated_jooq_classes = noClasses()
            .that().resideOutsideOfPackage("dev.gatehouse.db..")
            .and().haveSimpleNameNotEndingWith("Repository")
            .should().dependOnClassesThat().resideInAPackage("dev.gatehouse.db..");

    @ArchTest
    static final ArchRule repositories_are_internal_to_their_module = classes()
            .that().haveSimpleNameEndingWith("Repository").and().resideOutsideOfPackage("dev.gatehouse.db..")
            .should().resideInAPackage("..internal..");

    @ArchTest
    static final ArchRule production_code_does_not_depend_on_the_sandbox = noClasses()
            .that().resideOutsideOfPackage("dev.gatehouse.sandbox..")
            .should().dependOnClassesThat().resideInAPackage("dev.gatehouse.sandbox..")
            .because("demo mode plugs the sandbox in from inside it (SandboxConfiguration supplies the "
                    + "AwsConnection and the DemoPersonas), so production code never compiles against it");
}
