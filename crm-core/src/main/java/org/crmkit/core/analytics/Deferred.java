package org.crmkit.core.analytics;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * One computation whose result is wanted later: handed to a host's executor so that it runs alongside
 * the caller's other work, or run by the caller itself when it asks for the result and no executor has
 * started it. Whoever claims it first runs it, exactly once; so any executor works, a saturated one, one
 * that never runs its tasks, refuses them or throws, or one that runs them on the submitting thread.
 *
 * @param <T> the result type
 */
final class Deferred<T> implements Runnable {

    private final Supplier<T> work;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private T result;
    private Throwable failure;

    private Deferred(Supplier<T> work) {
        this.work = work;
    }

    /**
     * @param work     the computation; not null
     * @param executor where to start it now, or null to run it only when {@link #join()} asks
     * @return the deferred computation
     */
    static <T> Deferred<T> start(Supplier<T> work, Executor executor) {
        Deferred<T> deferred = new Deferred<>(Objects.requireNonNull(work, "work must not be null"));
        if (executor != null) {
            try {
                executor.execute(deferred);
            } catch (RuntimeException refused) {
                // refused (a shut-down or bounded executor) or a failing executor: whether or not it queued
                // the task, the caller computes it when it asks unless the executor has by then
            }
        }
        return deferred;
    }

    /** Runs the computation unless someone already has. */
    @Override
    public void run() {
        if (claimed.compareAndSet(false, true)) {
            compute();
        }
    }

    /**
     * Keeps the computation from starting if it has not (it cannot stop one already running).
     *
     * @return true if it will now never run ({@link #join()} then throws {@link CancellationException})
     */
    boolean cancel() {
        if (!claimed.compareAndSet(false, true)) {
            return false;
        }
        failure = new CancellationException("cancelled before it started");
        finished.countDown();
        return true;
    }

    /**
     * The result: computed here if nobody has started it, else awaited until it ends (uninterruptibly: an
     * interrupt does not cut the wait short, and the interrupt status is kept).
     *
     * @return what the computation returned
     * @throws RuntimeException the unchecked exception the computation threw, as thrown
     * @throws Error            the error the computation threw, as thrown
     */
    T join() {
        run();
        boolean interrupted = false;
        while (true) {
            try {
                finished.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return result;
    }

    private void compute() {
        try {
            result = work.get();
        } catch (RuntimeException | Error e) {
            failure = e;
        } finally {
            finished.countDown();
        }
    }
}
