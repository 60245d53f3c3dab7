package dev.cairn.trust.rotation;

/** The phases of a CA rotation ({@code spec/ca.md}, "Rotation"). */
public enum RotationPhase {
    /** One intermediate issues and is the bundle's only CA. */
    STEADY,
    /** A next intermediate is published in the bundle as NEXT; the current one still issues. */
    PREPARED,
    /** The next intermediate issues; the old one stays in the bundle as CURRENT until it is retired. */
    ACTIVE
}
