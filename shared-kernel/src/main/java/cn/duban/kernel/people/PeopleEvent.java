package cn.duban.kernel.people;

/**
 * Events of user accounts and their roles.
 * Sealed, so a {@code switch} over the family is checked by the compiler.
 */
public sealed interface PeopleEvent permits UserRegistered, UserDisabled, UserEnabled, RoleGranted {
}
