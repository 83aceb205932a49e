package dev.gatehouse.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void plain_cells_stay_as_they_are_and_rows_end_with_crlf() {
        assertThat(csv(false, List.of("Riley Chen", "Signed in", ""))).isEqualTo("Riley Chen,Signed in,\r\n");
    }

    @Test
    void commas_quotes_and_line_breaks_are_quoted_as_rfc_4180_says() {
        assertThat(csv(false, List.of("a,b", "say \"hi\"", "two\nlines", "cr\rhere")))
                .isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\"\r\n");
    }

    @Test
    void cells_a_spreadsheet_would_run_as_formulas_are_neutralised() {
        for (String formula : List.of("=HYPERLINK(\"http://evil\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx")) {
            assertThat(CsvWriter.cell(formula)).as(formula)
                    .isEqualTo("\"'" + formula.replace("\"", "\"\"") + "\"");
        }
        assertThat(CsvWriter.cell("a=b")).as("only a leading sign is a formula").isEqualTo("a=b");
    }

    @Test
    void text_is_utf_8_with_an_optional_byte_order_mark_for_excel() {
        byte[] withMark = bytes(true, List.of("Zoë"));
        assertThat(Arrays.copyOf(withMark, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(withMark, 3, withMark.length - 3, StandardCharsets.UTF_8)).isEqualTo("Zoë\r\n");
        assertThat(csv(false, List.of("Zoë"))).isEqualTo("Zoë\r\n");
    }

    @Test
    void a_missing_value_is_an_empty_cell() {
        assertThat(csv(false, Arrays.asList("a", null, "c"))).isEqualTo("a,,c\r\n");
    }

    private static String csv(boolean bom, List<String> row) {
        return new String(bytes(bom, row), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(boolean bom, List<String> row) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvWriter writer = new CsvWriter(out, bom)) {
            writer.row(row);
        }
        return out.toByteArray();
    }
}
