package dev.gatehouse.security.internal;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.gatehouse.security.GatehouseRole;

/** Derives Gatehouse roles from identity-provider groups. Everyone signed in may request access. */
@Component
public class RoleMapper {

    private final SecurityProperties properties;

    RoleMapper(SecurityProperties properties) {
        this.properties = properties;
    }

    public Set<GatehouseRole> rolesFor(Collection<String> groups) {
        Set<GatehouseRole> roles = EnumSet.of(GatehouseRole.REQUESTER);
        if (groups.stream().anyMatch(properties.adminGroups()::contains)) {
            roles.add(GatehouseRole.ADMIN);
        }
        if (groups.stream().anyMatch(properties.auditorGroups()::contains)) {
            roles.add(GatehouseRole.AUDITOR);
        }
        return roles;
    }
}
