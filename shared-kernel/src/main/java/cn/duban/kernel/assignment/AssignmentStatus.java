package cn.duban.kernel.assignment;

/** Where an assignment stands: open, completion asked for (办结申请), completed (办结), or cancelled (撤销). */
public enum AssignmentStatus {
    OPEN,
    COMPLETION_SUBMITTED,
    COMPLETED,
    CANCELLED;

    public boolean closed() {
        return this == COMPLETED || this == CANCELLED;
    }
}
