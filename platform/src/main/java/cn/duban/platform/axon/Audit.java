package cn.duban.platform.axon;

/** Metadata keys every command and event carries. */
public final class Audit {
    public static final String ACTOR = "actor";
    public static final String ROLE = "role";
    /** The unit a unit-staff user belongs to. */
    public static final String UNIT = "unit";
    /** The unit whose fact someone else (the lead office) entered. */
    public static final String ON_BEHALF_OF = "onBehalfOf";
    public static final String CLIENT_ADDRESS = "clientAddress";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";

    private Audit() {
    }
}
