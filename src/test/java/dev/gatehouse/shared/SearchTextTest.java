package dev.gatehouse.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SearchTextTest {

    @Test
    void typed_wildcards_and_backslashes_match_only_themselves() {
        assertThat(SearchText.containsPattern("50%_off\\now")).isEqualTo("%50\\%\\_off\\\\now%");
    }

    @Test
    void surrounding_spaces_are_ignored() {
        assertThat(SearchText.containsPattern("  riley ")).isEqualTo("%riley%");
    }
}
