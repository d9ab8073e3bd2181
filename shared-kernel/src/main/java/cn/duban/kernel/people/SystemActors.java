package cn.duban.kernel.people;

/**
 * The actors the platform records when no person acted: each is a name in events' metadata, and
 * {@link cn.duban.kernel.Words} (group {@code systemActor}) gives each its words for a screen.
 */
public final class SystemActors {
    /** The first start's lead-office account. */
    public static final String SETUP = "system:setup";
    /** The lead office's password reset from the command line. */
    public static final String RESET_ADMIN = "system:reset-admin";
    /** The deadline checker's reminders, overdue marks and escalations. */
    public static final String DEADLINES = "system:deadlines";
    /** The demo's load ({@code --demo}). */
    public static final String DEMO = "system:demo";

    private SystemActors() {
    }
}
