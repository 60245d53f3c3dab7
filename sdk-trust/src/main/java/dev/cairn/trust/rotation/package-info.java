/** CA rotation with overlap: prepare a next intermediate, activate it once the bundle carrying it has propagated, retire the old one after its last leaf (see {@code spec/ca.md}, "Rotation"). */
package dev.cairn.trust.rotation;
