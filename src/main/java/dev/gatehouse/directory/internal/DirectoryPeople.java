package dev.gatehouse.directory.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.gatehouse.directory.DirectoryLookup;
import dev.gatehouse.directory.UserRow;
import dev.gatehouse.security.DirectoryPerson;
import dev.gatehouse.security.PeopleDirectory;

/** The directory's users for security's admin actions on a person. */
@Component
class DirectoryPeople implements PeopleDirectory {

    private final DirectoryLookup lookup;

    DirectoryPeople(DirectoryLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public List<DirectoryPerson> find(String text, int limit) {
        return lookup.findUsers(text == null ? "" : text.strip(), limit).stream().map(DirectoryPeople::person).toList();
    }

    @Override
    public Optional<DirectoryPerson> bySignInName(String signInName) {
        return lookup.userBySignIn(signInName).map(DirectoryPeople::person);
    }

    private static DirectoryPerson person(UserRow user) {
        return new DirectoryPerson(user.userName(), user.displayName(), user.email());
    }
}
