package cn.duban.platform.mongo;

import java.lang.reflect.Field;

/**
 * Sets a private field of H2's, for a setting H2 2.3.232 reads from nowhere else (a page's size, the
 * pages' compression). Fails loudly when the field is not there, so that an upgrade of H2 that
 * renames it stops the store from opening rather than quietly ignoring the setting; the tests of
 * each setting check that H2 follows it.
 */
final class H2Internals {
    private H2Internals() {
    }

    static void set(Class<?> owner, Object target, String field, Object value, String setting) {
        try {
            Field f = owner.getDeclaredField(field);
            f.setAccessible(true);
            f.set(target, value);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("H2's " + setting + " cannot be set (has H2 changed?): " + e, e);
        }
    }
}
