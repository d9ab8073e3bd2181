package cn.duban.kernel.error;

/** What a command needs is still being brought up to date (after a start, say): maps to 503, to be tried again shortly. */
public class NotReadyException extends RuntimeException {
    public NotReadyException(String message) {
        super(message);
    }
}
