package cn.duban.kernel.people;

import org.axonframework.serialization.Revision;

/** A disabled user may sign in again. */
@Revision("1")
public record UserEnabled(String username) implements PeopleEvent {
}
