/**
 * Domain-separated SHA-256: every hash of a Cairn object carries its kind's registered tag, so no two
 * kinds can collide. See {@code spec/hashing.md} for the construction and the tag registry (FIPS
 * 180-4 for SHA-256).
 */
package dev.cairn.hash;
