/**
 * Cross-cutting set-up that no single feature owns: the clock, the data source and the SQL
 * dialect of the store in use, request size limits, and the mapping of errors to HTTP answers.
 */
package org.callmask.system;
