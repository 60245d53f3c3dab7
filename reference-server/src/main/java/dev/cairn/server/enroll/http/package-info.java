/**
 * The HTTP routes of enrollment ({@code spec/enrollment.md}): {@link
 * dev.cairn.server.enroll.http.EnrollmentRoutes#of} declares every endpoint with its authentication,
 * body types and codes for {@link dev.cairn.server.http.HttpEdge}; the handlers parse, call {@link
 * dev.cairn.server.enroll.Enrollment} and render.
 */
package dev.cairn.server.enroll.http;
