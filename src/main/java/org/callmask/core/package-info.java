/**
 * Small value types shared by every feature, above all {@link org.callmask.core.PhoneNumber}.
 * Depends on nothing else in CallMask.
 */
@ApplicationModule(allowedDependencies = {})
package org.callmask.core;

import org.springframework.modulith.ApplicationModule;
