package cn.duban.command.common;

/**
 * A run of acts ({@link CommandDispatch#sendEach}) stopped by a fault that is no refusal; carries the
 * answer that says which acts went in, and the fault as its cause. {@link RunStoppedAnswer} answers it.
 */
public final class RunStoppedException extends RuntimeException {
    private final transient Batch.Stopped answer;

    RunStoppedException(Batch.Stopped answer, RuntimeException fault) {
        super(answer.message(), fault);
        this.answer = answer;
    }

    public Batch.Stopped answer() {
        return answer;
    }
}
