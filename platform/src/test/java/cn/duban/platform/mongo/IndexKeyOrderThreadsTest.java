package cn.duban.platform.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One index's key type is shared by every thread that reads or writes the index. H2's generic type
 * keeps the type of the value it last met in a field of the instance; comparing two keys of a type
 * it knows only by serialization (a file's {@code ObjectId} in GridFS's index) while another thread
 * met another type, it found neither type its own and failed with "Can not compare" (a CI run's
 * demo load, storing a file, in release 20).
 */
class IndexKeyOrderThreadsTest {

    @Test
    void keysAreComparedRightWhileOtherThreadsUseTheSameTypeForOtherValues() throws Exception {
        IndexKeyOrder order = new IndexKeyOrder();
        ObjectId first = new ObjectId();
        ObjectId second = new ObjectId();
        KeyValue a = new KeyValue(first, 0);
        KeyValue b = new KeyValue(second, 0);
        int expected = Integer.signum(first.compareTo(second));
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        // Other threads meet other kinds of values: decimals compared, a float and an id written.
        Thread others = new Thread(() -> {
            try {
                while (!done.get()) {
                    order.compare(new KeyValue(new BigDecimal("1.5")), new KeyValue(new BigDecimal("2.5")));
                    order.write(new WriteBuffer(), new KeyValue(1.5f, first));
                }
            } catch (Throwable e) {
                failed.compareAndSet(null, e);
            }
        });
        others.start();
        try {
            for (int i = 0; i < 2_000_000 && failed.get() == null; i++) {
                assertThat(Integer.signum(order.compare(a, b))).isEqualTo(expected);
            }
        } catch (Throwable e) {
            failed.compareAndSet(null, e);
        } finally {
            done.set(true);
            others.join();
        }
        assertThat(failed.get()).as("what a comparison threw").isNull();
    }
}
