package dev.gatehouse.security;

import java.io.Serializable;

/**
 * Why Gatehouse ended a person's session, in their words, for the sign-in page they land on next. It
 * waits in the new, signed-out session under {@link #ATTRIBUTE}.
 */
public record SessionEndNotice(String text) implements Serializable {

    public static final String ATTRIBUTE = SessionEndNotice.class.getName();
}
