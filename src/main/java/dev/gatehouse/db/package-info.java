/**
 * The database schema as jOOQ classes, generated at build time from db/migration (never committed).
 * Open, so that each module's repositories can use its own tables; ArchUnit keeps everything else out.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.gatehouse.db;
