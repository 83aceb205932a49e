/** Permission sets as Gatehouse changes them: session durations against the access rules, applied to AWS. */
package dev.gatehouse.permissionset;
