/**
 * Converters between column types and the Java types the generated jOOQ classes use for them, named in
 * the forced types of pom.xml's jOOQ generator: hand-written, unlike the rest of {@code dev.gatehouse.db}.
 */
package dev.gatehouse.db.converters;
