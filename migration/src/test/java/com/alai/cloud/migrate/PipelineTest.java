package com.alai.cloud.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Items cross threads in order and whole; a failure on either side ends both and reaches the caller. */
class PipelineTest {

    @Test
    void everyItemArrivesOnceInOrder() throws Exception {
        var seen = new ArrayList<Integer>();
        Pipeline.<Integer>run("test", sink -> {
            for (int i = 0; i < 10_001; i++) {
                sink.accept(i);
            }
        }, seen::add);
        assertThat(seen).hasSize(10_001);
        for (int i = 0; i < seen.size(); i++) {
            assertThat(seen.get(i)).isEqualTo(i);
        }
    }

    @Test
    void aProducerFailureReachesTheCallerAfterTheItemsBeforeIt() {
        var seen = new ArrayList<Integer>();
        assertThatThrownBy(() -> Pipeline.<Integer>run("test", sink -> {
            sink.accept(1);
            throw new IOException("disk gone");
        }, seen::add)).isInstanceOf(IOException.class).hasMessage("disk gone");
        assertThat(seen).containsExactly(1);
    }

    @Test
    void aConsumerFailureStopsTheProducer() {
        var produced = new AtomicInteger();
        assertThatThrownBy(() -> Pipeline.<Integer>run("test", sink -> {
            while (true) {
                sink.accept(produced.incrementAndGet());
            }
        }, item -> {
            throw new IllegalStateException("COPY refused");
        })).hasMessage("COPY refused");
        // The call returned, so the producer thread has ended; it stopped within the few batches in flight.
        assertThat(produced.get()).isLessThan(10_000);
    }
}
