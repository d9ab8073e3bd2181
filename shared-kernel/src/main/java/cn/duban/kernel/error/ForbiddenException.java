package cn.duban.kernel.error;

/** The acting user's role does not allow this act (HTTP 403); nothing is stored. */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}
