package dev.gatehouse.directory;

import java.util.Set;

/**
 * A set of accounts given by where they sit: the whole organization, some OUs (with every OU and
 * account below them, including ones added later), and single accounts.
 */
public record AccountScopes(boolean wholeOrganization, Set<String> ouIds, Set<String> accountIds) {

    public AccountScopes {
        ouIds = Set.copyOf(ouIds);
        accountIds = Set.copyOf(accountIds);
    }

    public boolean isEmpty() {
        return !wholeOrganization && ouIds.isEmpty() && accountIds.isEmpty();
    }
}
