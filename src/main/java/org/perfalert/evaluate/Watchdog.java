package org.perfalert.evaluate;

import org.perfalert.rules.Guard;
import org.perfalert.rules.RuleStopped;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs evaluations on a worker thread of its own, each with a deadline. Past the deadline the evaluation's guard is
 * stopped (Drools halts between two firings) and given a few seconds to end; a rule action that never returns
 * (an endless loop) cannot be interrupted, so its thread is given up, left to run as a daemon, and a fresh worker takes
 * the next evaluation. Each given-up thread is counted: only a restart frees it.
 */
public final class Watchdog {
    /** How long a stopped evaluation may take to end before its thread is given up. */
    static final Duration GRACE = Duration.ofSeconds(5);

    private final String name;
    private final Duration grace;
    private final List<Thread> givenUp = new CopyOnWriteArrayList<>();
    private final AtomicInteger threads = new AtomicInteger();
    private ExecutorService worker;
    private volatile Thread workerThread;

    public Watchdog(String name) { this(name, GRACE); }

    /** A watchdog whose grace is 5 s, or the budget itself when that is shorter. */
    public static Watchdog forBudget(String name, Duration budget) {
        return new Watchdog(name, budget.compareTo(GRACE) < 0 ? budget : GRACE);
    }

    /** grace: how long a stopped evaluation may take to end before its thread is given up. */
    public Watchdog(String name, Duration grace) {
        this.name = name;
        this.grace = grace;
    }

    /** The work's result; RuleStopped when it went over the budget (or its guard's), whatever else it throws as is. */
    public synchronized <T> T run(Guard guard, Duration budget, Supplier<T> work) {
        Future<T> running = worker().submit(work::get);
        try {
            try {
                return running.get(budget.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException late) {
                guard.stop("it took longer than the " + seconds(budget) + " a month's evaluation may take");
                try {
                    return running.get(grace.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException stuck) {
                    giveUp();
                    throw new RuleStopped(guard.rule(), "it took longer than the " + seconds(budget) + " a month's evaluation may take"
                            + " and did not stop when asked (an endless loop in its action?); its thread is given up and runs on"
                            + " until the service is restarted");
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            guard.stop("the service is stopping");
            Thread.currentThread().interrupt();
            throw new IllegalStateException("evaluation interrupted: the service is stopping", e);
        }
    }

    /** Threads given up on that still run (each may be spinning a core). */
    public int abandoned() {
        givenUp.removeIf(t -> !t.isAlive());
        return givenUp.size();
    }

    private ExecutorService worker() {
        if (worker == null) {
            worker = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, name + "-" + threads.incrementAndGet());
                t.setDaemon(true); // a thread given up on must not keep the JVM from exiting
                workerThread = t;
                return t;
            });
        }
        return worker;
    }

    private void giveUp() {
        if (workerThread != null) givenUp.add(workerThread);
        worker.shutdown(); // the stuck task keeps its thread; nothing more is given to it
        worker = null;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
