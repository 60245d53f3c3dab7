/** COSE_Sign1 mechanics behind {@link dev.cairn.cose}; not exported. */
package dev.cairn.cose.internal;
