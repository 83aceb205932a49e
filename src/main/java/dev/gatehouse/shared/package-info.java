/**
 * Value types and infrastructure every module may use: the run mode, the clock, encryption of stored secrets,
 * and how screens write durations, times and addresses and show toasts.
 */
package dev.gatehouse.shared;
