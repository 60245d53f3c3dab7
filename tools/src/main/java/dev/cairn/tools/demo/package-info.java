/** The {@code ./cairn demo} walk-through. */
package dev.cairn.tools.demo;
