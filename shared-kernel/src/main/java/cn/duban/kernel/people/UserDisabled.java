package cn.duban.kernel.people;

import org.axonframework.serialization.Revision;

/** A user may no longer sign in. */
@Revision("1")
public record UserDisabled(String username, String reason) implements PeopleEvent {
}
