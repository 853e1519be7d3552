/**
 * SignalWire webhooks: a call to a proxy number is answered with SWML ({@code /calls/route}; LaML
 * when the number's voice handler posts a form), a message with LaML ({@code /texts/route}). Each
 * request is parsed leniently into the caller and the proxy number, {@link
 * org.callmask.telephony.CallRouter} decides (the session's other participant, unless the
 * service's intercept hook says no; or the owning service's out-of-session policy, which may ask
 * the platform), the contact is put on record ({@code InteractionRecorder}), and
 * a writer renders the decision with the voice options and the URL of its status callbacks
 * ({@code /calls/status/{token}}, {@code /texts/status/{token}}, read by {@code
 * StatusCallbackController}). Every answer is a valid document with HTTP 200, whatever went wrong inside, and never
 * reveals a real number to anyone but the other participant's carrier leg. {@link
 * org.callmask.telephony.WebhookGuard} decides which requests may reach the handlers (body type and
 * signature); the security configuration places it in front of them.
 */
@ApplicationModule(allowedDependencies = {"core", "interaction", "outbound", "pool", "service", "session", "system"})
package org.callmask.telephony;

import org.springframework.modulith.ApplicationModule;
