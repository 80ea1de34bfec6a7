package org.crmkit.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The hand-over of one computation between a host's executor and the thread that needs its result. */
class DeferredTest {

    @Test
    void withoutAnExecutorTheCallerComputesItWhenItAsks() {
        AtomicInteger runs = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        Deferred<String> d = Deferred.start(() -> {
            runs.incrementAndGet();
            threads.add(Thread.currentThread());
            return "done";
        }, null);

        assertThat(runs).hasValue(0);
        assertThat(d.join()).isEqualTo("done");
        assertThat(d.join()).isEqualTo("done");
        assertThat(runs).hasValue(1);
        assertThat(threads).containsExactly(Thread.currentThread());
    }

    @Test
    void anExecutorThatNeverRunsItsTasksStillGivesAResult() {
        List<Runnable> parked = new ArrayList<>();
        AtomicInteger runs = new AtomicInteger();
        Deferred<Integer> d = Deferred.start(runs::incrementAndGet, parked::add);

        assertThat(d.join()).isEqualTo(1);
        // the executor gets round to it later: it is not computed twice
        parked.forEach(Runnable::run);
        assertThat(runs).hasValue(1);
    }

    @Test
    void anExecutorThatRefusesTheTaskLeavesItToTheCaller() {
        java.util.concurrent.ExecutorService shutDown = java.util.concurrent.Executors.newSingleThreadExecutor();
        shutDown.shutdown();
        AtomicInteger runs = new AtomicInteger();
        Deferred<Integer> d = Deferred.start(runs::incrementAndGet, shutDown);

        assertThat(runs).hasValue(0);
        assertThat(d.join()).isEqualTo(1);
    }

    @Test
    void aSameThreadExecutorComputesItAtOnce() {
        AtomicInteger runs = new AtomicInteger();
        Deferred<Integer> d = Deferred.start(runs::incrementAndGet, Runnable::run);

        assertThat(runs).hasValue(1);
        assertThat(d.join()).isEqualTo(1);
        assertThat(runs).hasValue(1);
    }

    @Test
    void racingTheExecutorItRunsExactlyOnceAndEveryoneSeesItsResult() throws InterruptedException {
        // a seeded harness: each trial races a thread of the executor against the caller's join
        Random random = new Random(71);
        for (int trial = 0; trial < 300; trial++) {
            AtomicInteger runs = new AtomicInteger();
            int spin = random.nextInt(2000);
            List<Thread> started = new ArrayList<>();
            Deferred<int[]> d = Deferred.start(() -> {
                runs.incrementAndGet();
                int[] value = new int[] {spin};
                for (int i = 0; i < spin; i++) {
                    value[0] += i % 3;
                }
                return value;
            }, task -> {
                Thread t = new Thread(task);
                started.add(t);
                t.start();
            });
            if (random.nextBoolean()) {
                Thread.onSpinWait();
            }
            int[] first = d.join();
            for (Thread t : started) {
                t.join();
            }
            assertThat(d.join()).isSameAs(first);
            assertThat(runs).hasValue(1);
        }
    }

    @Test
    void aFailureIsRethrownAsItWasThrown() {
        IllegalStateException boom = new IllegalStateException("boom");
        Deferred<Object> failing = Deferred.start(() -> {
            throw boom;
        }, task -> new Thread(task).start());

        assertThatThrownBy(failing::join).isSameAs(boom);
        assertThatThrownBy(failing::join).isSameAs(boom);

        StackOverflowError error = new StackOverflowError("deep");
        Deferred<Object> erring = Deferred.start(() -> {
            throw error;
        }, null);
        assertThatThrownBy(erring::join).isSameAs(error);
    }

    @Test
    void aCancelledComputationNeverRunsAndJoinSaysSo() {
        List<Runnable> parked = new ArrayList<>();
        AtomicInteger runs = new AtomicInteger();
        Deferred<Integer> d = Deferred.start(runs::incrementAndGet, parked::add);

        assertThat(d.cancel()).isTrue();
        assertThat(d.cancel()).isFalse();
        parked.forEach(Runnable::run);
        assertThat(runs).hasValue(0);
        assertThatThrownBy(d::join).isInstanceOf(CancellationException.class);
    }

    @Test
    void aComputationAlreadyRunningCannotBeCancelled() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        Deferred<String> d = runningOnItsOwnThreadUntil(release);

        assertThat(d.cancel()).isFalse();
        release.countDown();
        assertThat(d.join()).isEqualTo("finished");
    }

    @Test
    void joinWaitsThroughAnInterruptAndKeepsTheInterruptStatus() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        Deferred<String> d = runningOnItsOwnThreadUntil(release);
        Thread releaser = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            release.countDown();
        });
        releaser.start();

        Thread.currentThread().interrupt();
        try {
            assertThat(d.join()).isEqualTo("finished");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
            releaser.join();
        }
    }

    /** @return a computation that has started on a thread of its own and returns "finished" once released */
    private static Deferred<String> runningOnItsOwnThreadUntil(CountDownLatch release) throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        Deferred<String> d = Deferred.start(() -> {
            running.countDown();
            await(release);
            return "finished";
        }, task -> new Thread(task).start());
        running.await();
        return d;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
