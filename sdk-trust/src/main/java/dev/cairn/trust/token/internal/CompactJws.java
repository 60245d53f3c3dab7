package dev.cairn.trust.token.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import dev.cairn.bytes.Bytes;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.errors.VerificationException;
import dev.cairn.keys.VerificationKey;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Collections;
import java.util.Map;

/**
 * A compact JWS (RFC 7515 section 7.1) read strictly and not yet trusted: exactly three parts of
 * canonical unpadded base64url (no padding, unused bits zero, so each token has one spelling), a
 * non-empty header and payload, a header that is a UTF-8 JSON object without duplicate members.
 * The signature part may be empty here, so that an unsecured token is refused for its {@code alg}.
 */
public final class CompactJws {
    private final String header;
    private final String payload;
    private final String signature;
    private final Map<String, Object> headerJson;

    private CompactJws(String header, String payload, String signature, Map<String, Object> headerJson) {
        this.header = header;
        this.payload = payload;
        this.signature = signature;
        this.headerJson = Collections.unmodifiableMap(headerJson);
    }

    /**
     * Splits and checks a token, and parses its header.
     *
     * @param token the compact serialization
     * @param maxChars the size limit, checked before anything else
     * @return the parts
     * @throws MalformedInputException {@link ErrorCode#TOKEN_MALFORMED} if it is not a compact JWS
     */
    public static CompactJws read(String token, int maxChars) {
        if (token.length() > maxChars) {
            throw malformed("token of " + token.length() + " characters, want at most " + maxChars, -1);
        }
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (second < 0 || token.indexOf('.', second + 1) >= 0) {
            throw malformed("want three parts separated by two dots", -1);
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            boolean base64url = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!(base64url || c == '-' || c == '_' || c == '.')) {
                throw malformed("character U+" + String.format("%04X", (int) c) + " is not base64url", i);
            }
        }
        String header = token.substring(0, first);
        String payload = token.substring(first + 1, second);
        String signature = token.substring(second + 1);
        if (header.isEmpty() || payload.isEmpty()) {
            throw malformed("empty header or payload", -1);
        }
        decode(header, 0);
        decode(payload, first + 1);
        decode(signature, second + 1);
        return new CompactJws(header, payload, signature, json(header, "header"));
    }

    /**
     * The header's members, as parsed JSON values.
     *
     * @return an unmodifiable map
     */
    public Map<String, Object> header() {
        return headerJson;
    }

    /**
     * The length of the decoded signature.
     *
     * @return the number of signature bytes, 0 for an unsecured token
     */
    public int signatureLength() {
        return decode(signature, -1).length();
    }

    /**
     * Parses the payload as a JSON object; call only once the signature has verified.
     *
     * @return the payload's members
     * @throws MalformedInputException {@link ErrorCode#TOKEN_MALFORMED} if it is not a UTF-8 JSON object
     */
    public Map<String, Object> payload() {
        return json(payload, "payload");
    }

    /**
     * Checks the signature over the signing input {@code header.payload} with Nimbus's JWS object
     * and a {@link KeyJwsVerifier}.
     *
     * @param key the key whose kid the header names, of the type its {@code alg} names
     * @throws VerificationException {@link ErrorCode#TOKEN_BAD_SIGNATURE} if it does not verify
     */
    public void verify(VerificationKey key) {
        boolean valid;
        try {
            JWSObject jws = new JWSObject(new Base64URL(header), new Base64URL(payload), new Base64URL(signature));
            valid = jws.verify(new KeyJwsVerifier(key));
        } catch (ParseException e) {
            throw malformed("not a JWS: " + e.getMessage(), -1);
        } catch (JOSEException e) {
            throw new InternalException(ErrorCode.INTERNAL_BUG, "alg and key were checked: " + e.getMessage(), e);
        }
        if (!valid) {
            throw new VerificationException(ErrorCode.TOKEN_BAD_SIGNATURE, "signature does not verify with kid");
        }
    }

    private static Bytes decode(String part, int offset) {
        try {
            return Bytes.fromBase64Url(part);
        } catch (IllegalArgumentException e) {
            throw malformed("part is not canonical unpadded base64url", offset);
        }
    }

    private static Map<String, Object> json(String part, String what) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(decode(part, -1).toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed(what + " is not UTF-8", -1);
        }
        try {
            return JSONObjectUtils.parse(text);
        } catch (ParseException | RuntimeException e) {
            throw malformed(what + " is not one JSON object with unique member names", -1);
        }
    }

    private static MalformedInputException malformed(String message, long offset) {
        return new MalformedInputException(ErrorCode.TOKEN_MALFORMED, "token: " + message, offset);
    }
}
