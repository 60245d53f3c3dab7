package dev.cairn.bytes;

/**
 * A token that every API handing out secret key bytes demands.
 *
 * <p>Reading private key material is sometimes necessary (storing a key, interoperating with another
 * library) and always worth a second look in review. Calls carry {@code InsecureSecretKeyAccess.get()}
 * so that reviewers can find every such place with one search.
 */
public final class InsecureSecretKeyAccess {
    private static final InsecureSecretKeyAccess INSTANCE = new InsecureSecretKeyAccess();

    private InsecureSecretKeyAccess() {}

    /**
     * Returns the token. Every caller is a place where secret bytes leave their wrapper.
     *
     * @return the token
     */
    public static InsecureSecretKeyAccess get() {
        return INSTANCE;
    }
}
