package dev.cairn.trust.bundle;

import java.util.Map;
import java.util.Set;

/** Typed reads of parsed JSON objects; every failure is {@code BUNDLE_MALFORMED}. */
final class JsonMembers {
    private JsonMembers() {}

    /** Requires exactly the expected member names: none missing, none unknown. */
    static void exactly(Map<String, Object> object, Set<String> expected, String what) {
        for (String name : object.keySet()) {
            if (!expected.contains(name)) {
                throw BundleErrors.malformed(what + " has the unknown member " + name);
            }
        }
        for (String name : expected) {
            if (!object.containsKey(name)) {
                throw BundleErrors.malformed(what + " lacks the member " + name);
            }
        }
    }

    static String string(Map<String, Object> object, String name) {
        if (!(object.get(name) instanceof String value)) {
            throw BundleErrors.malformed(name + " must be a string");
        }
        return value;
    }

    static long integer(Map<String, Object> object, String name) {
        if (!(object.get(name) instanceof Long value)) {
            throw BundleErrors.malformed(name + " must be an integer");
        }
        return value;
    }
}
