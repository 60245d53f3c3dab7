/**
 * Host binding ({@code spec/agent.md}, "Host binding"): a fingerprint of the machine's stable
 * identifiers, recorded at enrollment and compared at every start, so that a state directory copied to
 * another machine is refused. Linux sources: {@code /etc/machine-id} (or {@code
 * /var/lib/dbus/machine-id}) and the DMI product UUID, or an operator's override file instead.
 */
package dev.cairn.agent.host;
