/** Curve mechanics behind {@link dev.cairn.keys}; not exported. */
package dev.cairn.keys.internal;
