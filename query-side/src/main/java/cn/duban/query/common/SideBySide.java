package cn.duban.query.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs writes that touch different collections at once and returns when all have ended: the
 * store works on one's writes while the driver encodes the next (see {@link ProjectionBatching}).
 * Each task gets a thread of its own, so a task that itself writes side by side never waits for a
 * thread held by its caller; the threads go after a few idle seconds.
 */
public final class SideBySide {
    private static final ThreadPoolExecutor WRITERS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 5, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "read-model-writer");
                t.setDaemon(true);
                return t;
            });

    private SideBySide() {
    }

    /**
     * Runs the first task on the caller's thread and the others beside it. A failure is thrown once
     * every task has ended, with the later tasks' failures suppressed in it.
     */
    public static void run(List<Runnable> tasks) {
        List<Future<?>> others = new ArrayList<>();
        for (Runnable task : tasks.subList(Math.min(1, tasks.size()), tasks.size())) {
            others.add(WRITERS.submit(task));
        }
        Throwable failed = null;
        try {
            if (!tasks.isEmpty()) {
                tasks.get(0).run();
            }
        } catch (RuntimeException | Error e) {
            failed = e;
        }
        for (Future<?> other : others) {
            Throwable cause = awaitEnd(other);
            if (cause != null) {
                failed = firstOf(failed, cause);
            }
        }
        if (failed instanceof RuntimeException r) {
            throw r;
        }
        if (failed instanceof Error e) {
            throw e;
        }
        if (failed != null) {
            throw new IllegalStateException("Could not write the read models", failed);
        }
    }

    /**
     * Waits for a task to end even when interrupted (a processor shutting down): after a failure
     * the read models' buffers are discarded, which must not race a task still writing them. The
     * interrupt is kept for the caller.
     */
    private static Throwable awaitEnd(Future<?> task) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    task.get();
                    return null;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    return e.getCause();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Throwable firstOf(Throwable first, Throwable next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }
}
