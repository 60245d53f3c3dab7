package dev.cairn.verifier.note;

import dev.cairn.bytes.Bytes;

/**
 * One signature line of a note, read but not checked: {@code — name base64(keyHash || signature)}.
 *
 * @param name the key name
 * @param keyHash the 32-bit key hash, big-endian in the line
 * @param signature the signature bytes after the key hash, at least one
 */
record NoteSignature(String name, int keyHash, Bytes signature) {}
