package cn.duban.command.common;

/** The answer to a command that creates something: the new record's identifier. */
public record Created(String id) {
    /** Names that become keys in stored documents. */
    public static final String NAME = "[A-Za-z0-9_-]{1,64}";
}
