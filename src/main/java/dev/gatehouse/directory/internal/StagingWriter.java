package dev.gatehouse.directory.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.jooq.BatchBindStep;
import org.jooq.DSLContext;

/** Writes rows to one staging table in batches, so a sync of any size holds only one batch in memory. */
final class StagingWriter implements AutoCloseable {

    private static final int BATCH = 1000;

    private final DSLContext db;
    private final String insert;
    private final List<Object[]> rows = new ArrayList<>(BATCH);
    private int written;

    StagingWriter(DSLContext db, MirrorRepository.MirrorTable table) {
        this.db = db;
        this.insert = "insert into " + table.staging() + " (" + String.join(", ", table.columns()) + ") values ("
                + table.columns().stream().map(table::placeholder).collect(Collectors.joining(", ")) + ")";
    }

    void add(Object... row) {
        rows.add(row);
        if (rows.size() == BATCH) {
            flush();
        }
    }

    int written() {
        return written + rows.size();
    }

    private void flush() {
        if (rows.isEmpty()) {
            return;
        }
        BatchBindStep batch = db.batch(insert);
        rows.forEach(batch::bind);
        batch.execute();
        written += rows.size();
        rows.clear();
    }

    @Override
    public void close() {
        flush();
    }
}
