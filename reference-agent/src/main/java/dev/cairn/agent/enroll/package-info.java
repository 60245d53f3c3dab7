/**
 * {@code cairn-agent enroll} ({@code spec/agent.md}, "Enrollment"): the key pair and the CSR are made
 * and stored before anything is sent, the join request is submitted over a TLS connection that
 * authenticates the server by the pinned root CA, its id and poll secret are stored before the agent
 * waits, the wait polls with the server's interval and jittered exponential backoff, and an approved
 * certificate is checked against the pin and the agent's own key and stored before the state becomes
 * active. A crash at any point is recovered by running {@code enroll} again.
 */
package dev.cairn.agent.enroll;
