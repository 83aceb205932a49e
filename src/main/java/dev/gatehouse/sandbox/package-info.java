/**
 * An Identity Center that runs in-process: it serves the awsJson1_1 operations Gatehouse uses on a
 * loopback port, with AWS's page sizes, rate limits and failures, for demo mode, tests and benchmarks.
 * Never used in production mode.
 */
package dev.gatehouse.sandbox;
