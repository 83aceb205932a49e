package dev.gatehouse.directory;

/**
 * The columns a directory grid may sort by. Each list maps the ones it shows to its own columns and
 * sorts by its name column for any other, so a sort key never reaches SQL as text.
 */
public enum DirectorySort {
    NAME,
    ID,
    PATH,
    EMAIL,
    ACCOUNT,
    PERMISSION_SET,
    PERSON,
    GROUP,
    SESSION,
    COUNT,
    STARTED
}
