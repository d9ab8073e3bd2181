package cn.duban.kernel.people;

import org.axonframework.serialization.Revision;

/** A user's role changed; the grantor is in the metadata, the role held before in {@code previousRole}. */
@Revision("1")
public record RoleGranted(String username, Role role, String unitId, Role previousRole, String previousUnitId) implements PeopleEvent {
}
