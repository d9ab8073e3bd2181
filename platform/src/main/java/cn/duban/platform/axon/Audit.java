package cn.duban.platform.axon;

/** Metadata keys every command and event carries. */
public final class Audit {
    public static final String ACTOR = "actor";
    public static final String ROLE = "role";
    public static final String CLIENT_ADDRESS = "clientAddress";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";

    private Audit() {
    }
}
