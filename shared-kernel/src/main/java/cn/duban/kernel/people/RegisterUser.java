package cn.duban.kernel.people;


/** Create a user with a role (and, for unit staff, the unit). The password is not part of it: it never enters the event store. */
public record RegisterUser(String username, String displayName, Role role, String unitId) {
}
