/**
 * Enrollment and the node API of the reference server ({@code spec/enrollment.md}): clusters,
 * join tokens stored as keyed hashes and consumed atomically, join requests with real CSRs, operator
 * (or automatic) approval that issues the node's certificate, denial, polling with a poll secret,
 * heartbeats bound to the host, renewal over mTLS and revocation. Every state change is one audited
 * mutation of the server's audit log ({@link dev.cairn.server.store.audit.AuditLog}): the change and
 * its signed statement commit together. {@link dev.cairn.server.enroll.Enrollment} is the service,
 * {@link dev.cairn.server.enroll.http.EnrollmentRoutes} its HTTP routes.
 */
package dev.cairn.server.enroll;
