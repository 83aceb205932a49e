/** Notifications: email and chat/webhook messages about access, delivered from events through an outbox. */
package dev.gatehouse.notification;
