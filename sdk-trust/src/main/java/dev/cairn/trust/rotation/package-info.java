/**
 * CA rotation with overlap ({@code spec/ca.md}, "Rotation"): publish a next intermediate in the trust
 * bundle, activate it once the bundle carrying it has reached enough relying parties, and retire the
 * old one after its last leaf has expired. {@link dev.cairn.trust.rotation.CaRotation} holds the
 * transitions, {@link dev.cairn.trust.rotation.RotationState} the persistable state and the bundle to
 * publish for it.
 */
package dev.cairn.trust.rotation;
