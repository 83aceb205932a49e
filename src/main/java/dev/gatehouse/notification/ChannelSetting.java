package dev.gatehouse.notification;

/**
 * Whether a channel is configured, and how, in words (never a secret).
 *
 * @param detail where messages go, or which setting turns the channel on
 */
public record ChannelSetting(Channel channel, boolean enabled, String detail) {
}
