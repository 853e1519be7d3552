/**
 * Test support: the integration test base that runs the whole service over HTTP against SQLite
 * or PostgreSQL, a movable clock, an HTTP client, SignalWire-style request signing, golden files,
 * the official SWML schema, and extra service instances for multi-instance tests.
 */
package org.callmask.support;
