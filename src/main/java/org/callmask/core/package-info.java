/**
 * Small value types shared by every feature, above all {@link org.callmask.core.PhoneNumber}, and
 * the shapes every API shares: random public ids ({@link org.callmask.core.PublicId}) and keyset
 * pages ({@link org.callmask.core.Page}, {@link org.callmask.core.PageRequest}, {@link
 * org.callmask.core.Cursor}).
 * Depends on nothing else in CallMask.
 */
@ApplicationModule(allowedDependencies = {})
package org.callmask.core;

import org.springframework.modulith.ApplicationModule;
