/**
 * The reference server assembled: configuration, database, PKI, audit log, enrollment and
 * revocation, and the HTTP edge with every route group; plus the server's own route groups for the
 * trust bundle, operator authentication and the audit log ({@code spec/server.md}, {@code
 * spec/http-api.md}).
 */
package dev.cairn.server.app;
