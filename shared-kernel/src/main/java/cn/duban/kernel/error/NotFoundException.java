package cn.duban.kernel.error;

/** A command or query about something that does not exist: maps to 404. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
