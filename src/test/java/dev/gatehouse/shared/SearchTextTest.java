package dev.gatehouse.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void typed_wildcards_and_backslashes_match_only_themselves() {
        assertThat(SearchText.containsPattern("50%_off\\now")).isEqualTo("%50\\%\\_off\\\\now%");
    }

    @Test
    void surrounding_spaces_are_ignored() {
        assertThat(SearchText.containsPattern("  riley ")).isEqualTo("%riley%");
    }

    @Test
    void a_whole_words_pattern_stands_on_word_boundaries_and_takes_regular_expression_characters_literally() {
        assertThat(SearchText.wholeWordsPattern(" OPS-12 (x.*) "))
                .isEqualTo("(^|[^[:alnum:]])ops\\-12\\ \\(x\\.\\*\\)");
        assertThat(SearchText.wholeWordsPattern("Zoë")).isEqualTo("(^|[^[:alnum:]])zoë($|[^[:alnum:]])");
    }
}
