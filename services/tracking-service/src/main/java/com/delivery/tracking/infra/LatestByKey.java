package com.delivery.tracking.infra;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded hand-off from many producers to one consumer that keeps only the newest value per key: a value offered
 * while an older one of its key still waits replaces it (in the older one's place in line), and a new key is
 * refused once {@code capacity} keys wait. Made for telemetry that the next value supersedes, where a slow consumer
 * must neither hold the producers up nor fall ever further behind. Thread-safe.
 */
final class LatestByKey<K, V> {

    enum Offered { QUEUED, REPLACED_OLDER, REFUSED_FULL }

    private final int capacity;
    private final LinkedHashMap<K, V> waiting = new LinkedHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();

    LatestByKey(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
    }

    /** Never waits. */
    Offered offer(K key, V value) {
        lock.lock();
        try {
            if (waiting.containsKey(key)) {
                waiting.put(key, value);
                return Offered.REPLACED_OLDER;
            }
            if (waiting.size() >= capacity) {
                return Offered.REFUSED_FULL;
            }
            waiting.put(key, value);
            notEmpty.signal();
            return Offered.QUEUED;
        } finally {
            lock.unlock();
        }
    }

    /** The value first in line, waiting up to {@code timeout} for one; null when none came. */
    V poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (waiting.isEmpty()) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            Iterator<Map.Entry<K, V>> first = waiting.entrySet().iterator();
            V value = first.next().getValue();
            first.remove();
            return value;
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }
}
