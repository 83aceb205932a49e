/** Value types and infrastructure every module may use: the run mode, the clock, and encryption of stored secrets. */
package dev.gatehouse.shared;
