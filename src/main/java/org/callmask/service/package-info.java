/**
 * Services: the tenants of one deployment. Each owns a pool of numbers and the defaults its
 * sessions follow (lifetime, geographic match, number selection, cool-off, what happens to calls
 * and texts outside a session, voice options). The seed API works on the built-in service
 * {@code default}. Owns the {@code service} table. Entry point: {@link org.callmask.service.Services}.
 */
@ApplicationModule(allowedDependencies = {"core", "system"})
package org.callmask.service;

import org.springframework.modulith.ApplicationModule;
