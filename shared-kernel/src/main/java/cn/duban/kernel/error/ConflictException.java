package cn.duban.kernel.error;

/** A command that contradicts the current state (accepting an accepted report …): maps to 409. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
