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
    /** False while no server is published (both attempts of a rebuild failed) and once the API is closed. */
    private volatile boolean available;

    /** For a request: true when it may go in, within {@code max}; it must then {@link #leave()} when done. */
    boolean enter(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        try {
            if (!firstPublication.await(max.toNanos(), TimeUnit.NANOSECONDS)
                    || !lock.readLock().tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                return false;
            }
            if (!available) {
                lock.readLock().unlock();
                return false;
            }
            return true;
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

    /**
     * The rebuild ended: with a server ({@code published}) requests go through again; without one they are
     * answered 503 until a later rebuild publishes one.
     */
    void endSwap(boolean held, boolean published) {
        available = published;
        if (held) {
            lock.writeLock().unlock();
        }
        firstPublication.countDown();
    }

    /**
     * The API closes for good (the component deactivates): waits at most {@code max} for the requests running, and
     * from then on answers every request 503. The write side is never given back.
     */
    void close(Duration max) {
        available = false;
        beginSwap(max);
        firstPublication.countDown();
    }
}
