package dev.gatehouse.audit;

import static dev.gatehouse.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.gatehouse.TestUsers;

/**
 * Exporting one million audit entries as CSV: rows a second, and how far the retained heap grows while
 * the rows stream from the database cursor to a sink that counts the bytes. The entries go in through the
 * chaining insert trigger like any other. Run: ./mvnw -Pbench verify
 */
@Tag("benchmark")
@SpringBootTest
class AuditExportBenchmark {

    private static final int ENTRIES = 1_000_000;
    private static final String MARKER = "export-benchmark";

    @Autowired
    private AuditTrail audit;
    @Autowired
    private DSLContext db;

    @Test
    void exporting_a_million_entries() throws Exception {
        long insertStart = System.nanoTime();
        db.execute("""
                insert into audit_entry (occurred_at, actor, action, subject, details, source_address)
                select now() - make_interval(secs => n), 'person' || (n %% 5000), 'ACCESS_REQUESTED',
                       'request #' || n, '%s: Developer on account ' || (n %% 2000) || ', "for the release"',
                       '192.0.2.' || (n %% 250)
                from generate_series(1, %d) n""".formatted(MARKER, ENTRIES));
        double insertSeconds = (System.nanoTime() - insertStart) / 1e9;

        System.gc();
        long heapBefore = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long retainedBefore = retained();
        AtomicLong peak = new AtomicLong(heapBefore);
        AtomicLong peakRetained = new AtomicLong(retainedBefore);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                peakRetained.accumulateAndGet(retained(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        CountingSink sink = new CountingSink();
        sampler.start();
        long start = System.nanoTime();
        long rows = as(TestUsers.AUDITOR, () -> audit.export(new AuditFilter("",
                Optional.of(AuditAction.ACCESS_REQUESTED)), true, sink));
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        sampler.join();

        assertThat(rows).isGreaterThanOrEqualTo(ENTRIES);
        String report = String.format("""
                Audit export: %,d entries inserted through the chaining trigger in %.1f s
                exported the entries of one action: %,d rows (%,d bytes of CSV) in %.2f s
                  = %,.0f rows/s (target >= 100,000)
                heap retained (old + survivor generations) before %d MB, peak during %d MB
                  = growth %d MB (target < 64 MB)
                heap used including uncollected garbage: before %d MB, peak %d MB (sampled every 5 ms)
                """, ENTRIES, insertSeconds, rows, sink.bytes, seconds, rows / seconds, retainedBefore >> 20,
                peakRetained.get() >> 20, (peakRetained.get() - retainedBefore) >> 20, heapBefore >> 20,
                peak.get() >> 20);
        System.out.println(report);
        Path out = Path.of("target", "benchmark", "audit-export.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /** Heap that survived a collection: everything but the young generation's eden, where garbage starts. */
    private static long retained() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && !pool.getName().contains("Eden"))
                .mapToLong(pool -> pool.getUsage().getUsed()).sum();
    }

    /** Throws the CSV away, counting it. */
    private static final class CountingSink extends OutputStream {
        private long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
