package cn.duban.platform.eventstore;

import org.axonframework.common.AxonNonTransientException;

/** An event holds a value the store could not read back exactly (a number beyond BSON's range). */
public class UnstorableEventException extends AxonNonTransientException {
    private final String path;

    public UnstorableEventException(String path) {
        super("数值超出可保存的范围 / a value is out of the storable range: " + path);
        this.path = path;
    }

    public String path() {
        return path;
    }
}
