package dev.gatehouse.directory;

/** The columns a directory grid may sort by; anything else sorts by name. */
public enum DirectorySort {
    NAME,
    ID,
    PATH,
    EMAIL
}
