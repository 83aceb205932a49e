package dev.gatehouse;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ModularityTests {

    @Test
    void modules_use_each_other_only_through_their_public_api_and_without_cycles() {
        ApplicationModules.of(GatehouseApplication.class).verify();
    }
}
