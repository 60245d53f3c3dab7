package dev.cairn.bytes;

import static dev.cairn.bytes.ByteGens.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SecretBytesTest {
    private static final InsecureSecretKeyAccess ACCESS = InsecureSecretKeyAccess.get();

    @Test
    void toStringShowsNoContent() {
        qt().forAll(bytes(8, 48)).checkAssert(secret -> {
            String rendered = SecretBytes.copyOf(secret, ACCESS).toString();
            String hex = HexFormat.of().formatHex(secret);
            assertFalse(rendered.toLowerCase(java.util.Locale.ROOT).contains(hex), rendered);
            assertFalse(rendered.contains(Base64.getEncoder().withoutPadding().encodeToString(secret)), rendered);
            assertFalse(
                    rendered.contains(Base64.getUrlEncoder().withoutPadding().encodeToString(secret)), rendered);
            assertFalse(rendered.contains(Arrays.toString(secret)), rendered);
            byte[] other = secret.clone();
            other[0] ^= 1;
            assertEquals(rendered, SecretBytes.copyOf(other, ACCESS).toString(), "depends on the length only");
        });
    }

    @Test
    void equalsSecretComparesContent() {
        qt().forAll(bytes(0, 40), bytes(0, 40)).checkAssert((a, b) -> {
            SecretBytes x = SecretBytes.copyOf(a, ACCESS);
            assertTrue(x.equalsSecret(SecretBytes.copyOf(a.clone(), ACCESS)));
            assertTrue(x.equalsSecret(x));
            assertEquals(Arrays.equals(a, b), x.equalsSecret(SecretBytes.copyOf(b, ACCESS)));
        });
    }

    @Test
    void equalsSecretTellsNearSecretsApart() {
        SecretBytes secret = SecretBytes.copyOf(new byte[] {1, 2, 3}, ACCESS);
        assertFalse(secret.equalsSecret(SecretBytes.copyOf(new byte[] {1, 2, 4}, ACCESS)));
        assertFalse(secret.equalsSecret(SecretBytes.copyOf(new byte[] {1, 2}, ACCESS)));
        assertFalse(secret.equalsSecret(SecretBytes.copyOf(new byte[] {1, 2, 3, 0}, ACCESS)));
        assertFalse(secret.equalsSecret(SecretBytes.copyOf(new byte[0], ACCESS)));
    }

    @Test
    void hasIdentityEqualityOnly() throws NoSuchMethodException {
        assertEquals(
                Object.class,
                SecretBytes.class.getMethod("equals", Object.class).getDeclaringClass());
        assertEquals(Object.class, SecretBytes.class.getMethod("hashCode").getDeclaringClass());
        SecretBytes a = SecretBytes.copyOf(new byte[] {1, 2, 3}, ACCESS);
        SecretBytes b = SecretBytes.copyOf(new byte[] {1, 2, 3}, ACCESS);
        assertNotEquals(a, b);
        assertEquals(a, a);
    }

    @Test
    void readingRequiresTheToken() {
        assertThrows(NullPointerException.class, () -> SecretBytes.copyOf(new byte[] {1}, null));
        SecretBytes secret = SecretBytes.copyOf(new byte[] {1}, ACCESS);
        assertThrows(NullPointerException.class, () -> secret.toByteArray(null));
        assertArrayEquals(new byte[] {1}, secret.toByteArray(ACCESS));
    }

    @Test
    void copiesInAndOut() {
        byte[] source = {1, 2, 3};
        SecretBytes secret = SecretBytes.copyOf(source, ACCESS);
        source[0] = 9;
        byte[] out = secret.toByteArray(ACCESS);
        out[1] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, secret.toByteArray(ACCESS));
        assertEquals(3, secret.length());
    }

    @Test
    void randomHasTheLengthAsked() {
        SecureRandom random = new SecureRandom();
        for (int length : new int[] {0, 1, 32, 100}) {
            assertEquals(length, SecretBytes.random(length, random).length());
            assertEquals(length, SecretBytes.random(length, random).toByteArray(ACCESS).length);
        }
        assertFalse(SecretBytes.random(32, random).equalsSecret(SecretBytes.random(32, random)));
    }

    @Test
    void tokenIsASingleton() {
        assertTrue(InsecureSecretKeyAccess.get() == InsecureSecretKeyAccess.get());
    }
}
