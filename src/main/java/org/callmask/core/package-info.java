/**
 * Small value types shared by every feature, above all {@link org.callmask.core.PhoneNumber}.
 * Depends on nothing else in CallMask.
 */
package org.callmask.core;
