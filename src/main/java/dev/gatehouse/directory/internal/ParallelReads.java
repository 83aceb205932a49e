package dev.gatehouse.directory.internal;

import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads many keys from AWS on a few threads while the calling thread alone consumes the results (it
 * owns the database connection). The pacer keeps the combined rate under AWS's limits; at most twice
 * the thread count of results wait in memory.
 */
final class ParallelReads {

    private final int threads;

    ParallelReads(int threads) {
        this.threads = Math.max(1, threads);
    }

    <R> void forEach(List<String> keys, Function<String, R> read, Consumer<R> consume) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "directory-sync-read");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletionService<R> done = new ExecutorCompletionService<>(pool);
            int next = 0;
            int inFlight = 0;
            while (next < keys.size() || inFlight > 0) {
                while (next < keys.size() && inFlight < threads * 2) {
                    String key = keys.get(next++);
                    done.submit(() -> read.apply(key));
                    inFlight++;
                }
                R result = done.take().get();
                inFlight--;
                consume.accept(result);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The sync was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
