/**
 * The agent's side of the server API ({@code spec/enrollment.md}, {@code spec/http-api.md}): TLS 1.3
 * contexts that authenticate the server from the first connection (the pinned root CA, sdk-trust's
 * {@link dev.cairn.trust.pin.PinnedServerTrust}, before enrollment, the held trust bundle and
 * revocation state after), one reused HTTP/1.1 connection per client, bounded strict decoding of
 * every answer into the agent's own wire records, error bodies parsed into {@link
 * dev.cairn.agent.client.ApiError}, and the backoff used between retries. The agent does not depend
 * on the server's code: these records mirror its JSON.
 */
package dev.cairn.agent.client;
