package cn.duban.platform.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoServerException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/** A unique-index violation (E11000): another writer appended the same aggregate sequence first. */
public final class MongoDuplicateKeys implements PersistenceExceptionResolver {
    public static final MongoDuplicateKeys INSTANCE = new MongoDuplicateKeys();

    private MongoDuplicateKeys() {
    }

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        return isDuplicateKey(exception);
    }

    public static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MongoServerException mse
                    && (ErrorCategory.fromErrorCode(mse.getCode()) == ErrorCategory.DUPLICATE_KEY || mse.getCode() == 11000)) {
                return true;
            }
            if (t instanceof com.mongodb.MongoWriteException mwe && mwe.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return true;
            }
        }
        return false;
    }
}
