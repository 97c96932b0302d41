package org.countygrid.platform.web.internal.rest;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Whether requests to /api may go through to the JAX-RS server: not before its first publication, and not while it
 * is being built anew (a feature installed or removed), when CXF would answer 404 for every path — or fail a request
 * whose server is destroyed under it. Requests hold the read side while CXF serves them; a rebuild takes the write
 * side, so it waits for the requests running (at most a bound, then it goes ahead) and new requests wait for it. The
 * lock is fair: once a rebuild waits, new requests queue behind it.
 */
final class ApiGate {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
    private final CountDownLatch firstPublication = new CountDownLatch(1);

    /** For a request: true when it may go in, within {@code max}; it must then {@link #leave()} when done. */
    boolean enter(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        try {
            return firstPublication.await(max.toNanos(), TimeUnit.NANOSECONDS)
                    && lock.readLock().tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void leave() {
        lock.readLock().unlock();
    }

    /**
     * For the publisher, before it replaces the server: holds new requests back and waits at most {@code max} for
     * the running ones. False when some were still running then; the rebuild goes ahead anyway.
     */
    boolean beginSwap(Duration max) {
        try {
            return lock.writeLock().tryLock(max.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A server is published (or the attempt ended): requests go through again. */
    void endSwap(boolean held) {
        if (held) {
            lock.writeLock().unlock();
        }
        firstPublication.countDown();
    }
}
