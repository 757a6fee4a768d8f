package com.alai.cloud.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a producer on its own thread and hands what it makes to the calling thread in batches, so reading one side
 * overlaps with writing or hashing on the other. A failure on either side stops both and reaches the caller.
 */
public final class Pipeline {
    private static final int BATCH = 256;
    private static final int BATCHES_IN_FLIGHT = 4;

    @FunctionalInterface
    public interface Sink<T> {
        void accept(T item) throws Exception;
    }

    @FunctionalInterface
    public interface Producer<T> {
        void produce(Sink<T> sink) throws Exception;
    }

    private record Batch<T>(List<T> items, Throwable failure, boolean last) { }

    private Pipeline() {
    }

    public static <T> void run(String name, Producer<T> producer, Sink<T> consumer) throws Exception {
        BlockingQueue<Batch<T>> queue = new ArrayBlockingQueue<>(BATCHES_IN_FLIGHT);
        var stopped = new AtomicBoolean();
        Thread thread = Thread.ofPlatform().name(name).daemon().start(() -> {
            var items = new ArrayList<T>(BATCH);
            try {
                producer.produce(item -> {
                    items.add(item);
                    if (items.size() == BATCH) {
                        hand(queue, stopped, new Batch<>(new ArrayList<>(items), null, false));
                        items.clear();
                    }
                });
                hand(queue, stopped, new Batch<>(new ArrayList<>(items), null, true));
            } catch (Throwable e) {
                try {
                    hand(queue, stopped, new Batch<>(new ArrayList<>(items), e, true));
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        try {
            while (true) {
                Batch<T> batch = queue.poll(100, TimeUnit.MILLISECONDS);
                if (batch == null) {
                    if (!thread.isAlive() && queue.isEmpty()) {
                        throw new IllegalStateException(name + " ended without handing over its last batch");
                    }
                    continue;
                }
                for (T item : batch.items()) {
                    consumer.accept(item);
                }
                if (batch.failure() != null) {
                    throw batch.failure() instanceof Exception e ? e : new IllegalStateException(batch.failure());
                }
                if (batch.last()) {
                    return;
                }
            }
        } finally {
            stopped.set(true);
            thread.join();
        }
    }

    private static <T> void hand(BlockingQueue<Batch<T>> queue, AtomicBoolean stopped, Batch<T> batch)
            throws InterruptedException {
        while (!queue.offer(batch, 50, TimeUnit.MILLISECONDS)) {
            if (stopped.get()) {
                throw new InterruptedException("the consumer stopped");
            }
        }
    }
}
