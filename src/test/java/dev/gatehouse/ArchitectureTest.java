package dev.gatehouse;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.properties.HasAnnotations;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

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

    @ArchTest
    static final ArchRule screens_show_toasts_only_through_one_helper = noClasses()
            .that().doNotHaveFullyQualifiedName("dev.gatehouse.shared.Toasts")
            .should().dependOnClassesThat().resideInAPackage("com.vaadin.flow.component.notification..")
            .because("every screen's toasts appear in one place for as long (shared.Toasts)");

    @ArchTest
    static final ArchRule services_use_role_annotations_not_role_strings = classes()
            .that().resideOutsideOfPackage("dev.gatehouse.security").or().areNotAnnotations()
            .should(new ArchCondition<>("name roles with @AdminOnly, @AdminOrAuditor or @AnyoneSignedIn") {
                @Override
                public void check(JavaClass type, ConditionEvents events) {
                    if (namesARole(type)) {
                        events.add(SimpleConditionEvent.violated(type, type.getName() + NAMES_A_ROLE));
                    }
                    type.getMethods().stream().filter(ArchitectureTest::namesARole).forEach(method ->
                            events.add(SimpleConditionEvent.violated(method, method.getFullName() + NAMES_A_ROLE)));
                }
            })
            .because("role names live in GatehouseRole and the role annotations of dev.gatehouse.security");

    @ArchTest
    static final ArchRule background_tasks_retry_by_the_one_policy = noClasses()
            .that().resideOutsideOfPackage("dev.gatehouse.shared")
            .should().dependOnClassesThat().belongToAnyOf(FailureHandler.class)
            .orShould().implement(FailureHandler.class)
            .because("every db-scheduler task retries through shared.BackgroundRetry (docs/architecture.md, "
                    + "Background work)");

    @ArchTest
    static final ArchRule settings_are_read_through_each_modules_properties_record = classes()
            .should(new ArchCondition<>("read settings through their module's @ConfigurationProperties record") {
                @Override
                public void check(JavaClass type, ConditionEvents events) {
                    List<HasAnnotations<?>> elements = new ArrayList<>(List.of(type));
                    elements.addAll(type.getFields());
                    type.getCodeUnits().forEach(unit -> {
                        elements.add(unit);
                        elements.addAll(unit.getParameters());
                    });
                    elements.stream().filter(element -> element.isAnnotatedWith(Value.class)).forEach(element ->
                            events.add(SimpleConditionEvent.violated(element, element.getDescription()
                                    + " reads a setting with @Value")));
                }
            })
            .because("each module reads its settings through one properties record (docs/architecture.md, "
                    + "Configuration)");

    private static final String NAMES_A_ROLE = " names a role in a @PreAuthorize string";

    private static boolean namesARole(HasAnnotations<?> element) {
        return element.tryGetAnnotationOfType(PreAuthorize.class)
                .map(annotation -> annotation.value().matches("(?s).*has(Any)?(Role|Authority)\\s*\\(.*"))
                .orElse(false);
    }
}
