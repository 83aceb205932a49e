/**
 * Permission sets as Gatehouse changes them: session durations against the access rules, applied to AWS, and
 * definitions checked against AWS's rules and compared with what they replace before anything is written.
 */
package dev.gatehouse.permissionset;
