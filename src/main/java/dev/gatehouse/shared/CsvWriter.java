package dev.gatehouse.shared;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.List;

/**
 * CSV as RFC 4180 defines it (comma-separated, CRLF line ends, a field with a comma, quote or line
 * break in double quotes with its quotes doubled), in UTF-8, written as it goes. A cell that a
 * spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return) gets a
 * leading apostrophe and quotes, as OWASP recommends against CSV injection.
 */
public final class CsvWriter implements AutoCloseable {

    private static final String FORMULA_STARTS = "=+-@\t\r";
    /** A spreadsheet reads this as a date and time. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final Writer out;

    /** @param byteOrderMark start with a UTF-8 byte order mark, so Excel reads the file as UTF-8 */
    public CsvWriter(OutputStream out, boolean byteOrderMark) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        if (byteOrderMark) {
            write("\uFEFF");
        }
    }

    public void row(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                write(",");
            }
            write(cell(cells.get(i)));
        }
        write("\r\n");
    }

    /** A moment as a cell, in UTC: 2026-11-23 08:46:12. */
    public static String time(TemporalAccessor at) {
        return TIME.format(at);
    }

    /** The cell as it goes into the file: neutralised if it looks like a formula, quoted if it must be. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        boolean formula = FORMULA_STARTS.indexOf(value.charAt(0)) >= 0;
        String text = formula ? "'" + value : value;
        boolean quoted = formula || text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        return quoted ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private void write(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException("The download was interrupted", e);
        }
    }

    @Override
    public void close() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("The download was interrupted", e);
        }
    }
}
