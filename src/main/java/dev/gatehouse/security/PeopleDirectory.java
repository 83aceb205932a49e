package dev.gatehouse.security;

import java.util.List;
import java.util.Optional;

/**
 * The people of the Identity Center directory, for admin actions on a person such as signing them out
 * everywhere. The directory module supplies it, since it depends on security and not the other way round.
 */
public interface PeopleDirectory {

    /** People whose name, user name or email contains the text, by name, at most {@code limit}. */
    List<DirectoryPerson> find(String text, int limit);

    /** The person with this Identity Store userName, else this email, in any case. */
    Optional<DirectoryPerson> bySignInName(String signInName);
}
