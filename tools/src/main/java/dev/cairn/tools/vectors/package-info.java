/**
 * The golden-vector generator and checker: writes {@code vectors/} deterministically from sdk-core
 * and fixed keys, and checks every vector file against sdk-core, reporting all failures at once.
 */
package dev.cairn.tools.vectors;
