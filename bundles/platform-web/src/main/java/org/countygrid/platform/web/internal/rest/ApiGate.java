package org.countygrid.platform.web.internal.rest;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Whether requests to /api may go through to the JAX-RS server: not before its first publication, and not while
 * it is being built anew (a feature installed or removed), when CXF would answer 404 for every path. A request
 * arriving then waits for the server a little; requests already running are not touched.
 */
final class ApiGate {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean published;
    private boolean swapping;

    /** The server is about to be replaced: new requests wait from now on. */
    void closeForSwap() {
        lock.lock();
        try {
            swapping = true;
        } finally {
            lock.unlock();
        }
    }

    /** A server is published (or the attempt ended): requests go through again. */
    void open() {
        lock.lock();
        try {
            swapping = false;
            published = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    boolean isOpen() {
        lock.lock();
        try {
            return published && !swapping;
        } finally {
            lock.unlock();
        }
    }

    /** Waits at most {@code max} for the gate to be open; false when it was not, or the wait was interrupted. */
    boolean awaitOpen(Duration max) {
        long left = max.toNanos();
        lock.lock();
        try {
            while (!(published && !swapping)) {
                if (left <= 0) {
                    return false;
                }
                left = changed.awaitNanos(left);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }
}
