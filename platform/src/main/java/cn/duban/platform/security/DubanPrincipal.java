package cn.duban.platform.security;

import cn.duban.kernel.people.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;
import java.util.List;

/** A signed-in user: name, role and, for unit staff, the one unit they act for. */
public record DubanPrincipal(String username, String displayName, Role role, String unitId, String passwordHash,
                             boolean enabled, boolean locked) implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public String toString() {
        return "DubanPrincipal[" + username + ", " + role + (unitId == null ? "" : ", " + unitId) + "]";
    }
}
