/**
 * Cross-cutting set-up that no single feature owns: the clock, the data source, SQLite's
 * settings, file modes and per-connection statement cache, the SQL dialect of the store in use,
 * the PostgreSQL table upkeep the features run on their own tables, request size limits, and the
 * safety nets that keep unexpected failures from reaching clients as 500s or leaking request data.
 */
@ApplicationModule(allowedDependencies = {})
package org.callmask.system;

import org.springframework.modulith.ApplicationModule;
