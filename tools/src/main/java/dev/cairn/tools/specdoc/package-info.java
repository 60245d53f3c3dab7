/** Generates the tables in {@code spec/} that mirror code: the error registry and the hash domains. */
package dev.cairn.tools.specdoc;
