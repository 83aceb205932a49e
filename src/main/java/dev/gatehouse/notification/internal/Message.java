package dev.gatehouse.notification.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import dev.gatehouse.notification.NotificationKind;

/**
 * A message to send, before it is split into one delivery per channel and recipient.
 *
 * @param key       the same for the same fact however often its event arrives, so it is sent once
 * @param subject   addressed to the recipients, as email says it ("Your access ... is active")
 * @param summary   the same in the third person, for a chat channel or webhook everyone reads
 * @param path      the Gatehouse page the message points at, without the base address
 * @param userIds   Identity Store users to email
 * @param groupIds  Identity Store groups whose members to email
 * @param notTo     a user left out even when in one of the groups (the requester among the approvers); may be empty
 * @param admins    whether the configured admin addresses get it too
 * @param details   the facts as fields, for webhook receivers
 */
record Message(String key, NotificationKind kind, String subject, String summary, String text, String path,
               Set<String> userIds, Set<String> groupIds, String notTo, boolean admins, Map<String, Object> details,
               Instant at) {
}
