/** C2SP signed notes with Ed25519 signatures and the checkpoint text they carry (the format of Go's checksum database and Tessera logs), verified against verifier keys in the {@code name+hash+base64} form (see {@code spec/verifier.md}). */
package dev.cairn.verifier.note;
