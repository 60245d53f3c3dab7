/**
 * Cairn's trust SDK: the PKI authority of a Cairn trust domain and what an integrator embeds to join
 * one. Each package documents its spec under {@code spec/}.
 */
module dev.cairn.trust {
    requires transitive dev.cairn.core;
    requires org.bouncycastle.provider;
    requires org.bouncycastle.pkix;
    requires org.bouncycastle.util;
    requires com.nimbusds.jose.jwt;

    exports dev.cairn.trust.identity;
    exports dev.cairn.trust.keyfile;
    exports dev.cairn.trust.csr;
    exports dev.cairn.trust.ca;
    exports dev.cairn.trust.renewal;
    exports dev.cairn.trust.rotation;
    exports dev.cairn.trust.revocation;
    exports dev.cairn.trust.bundle;
    exports dev.cairn.trust.tls;
    exports dev.cairn.trust.pin;
    exports dev.cairn.trust.token;
}
