package cn.duban.kernel.people;

import org.axonframework.serialization.Revision;

/** A user created with a role; who created it is in the event's metadata. */
@Revision("1")
public record UserRegistered(String username, String displayName, Role role, String unitId) implements PeopleEvent {
}
