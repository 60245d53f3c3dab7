package dev.cairn.verifier.note;

import static dev.cairn.verifier.note.NoteFixtures.DASH;
import static dev.cairn.verifier.note.NoteFixtures.Signer;
import static dev.cairn.verifier.note.NoteFixtures.outcome;
import static dev.cairn.verifier.note.NoteFixtures.peter;
import static dev.cairn.verifier.note.NoteFixtures.sign;
import static dev.cairn.verifier.note.NoteFixtures.text;
import static dev.cairn.verifier.note.NoteFixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.errors.ErrorCode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Each mutation class of a signed note and of a verifier key, named after the change and its code. */
class NoteMutationTest {
    private static final String MALFORMED = ErrorCode.NOTE_MALFORMED.name();
    private static final String UNVERIFIED = ErrorCode.NOTE_UNVERIFIED.name();
    private static final String KEY_MALFORMED = ErrorCode.NOTE_KEY_MALFORMED.name();
    private static final String TEXT = text("go_note", "text");
    private static final Signer PETER = peter();
    private static final Signer OTHER = Signer.generate("other.example/log", 7);
    private static final NoteVerifier VERIFIER = NoteVerifier.of(PETER.verifierKey(), OTHER.verifierKey());

    /** Peter's signature line over TEXT with its blob rebuilt: key hash and signature as given. */
    private static String line(String name, int keyHash, byte[] signature) {
        byte[] blob = ByteBuffer.allocate(4 + signature.length)
                .putInt(keyHash)
                .put(signature)
                .array();
        return DASH + name + " " + Base64.getEncoder().encodeToString(blob) + "\n";
    }

    private static byte[] signature() {
        return PETER.key().sign(utf8(TEXT));
    }

    @Test
    void everyMutationOfANoteFailsWithItsCode() {
        String good = TEXT + "\n" + PETER.line(TEXT);
        int hash = PETER.verifierKey().keyHash();
        Map<String, Supplier<byte[]>> notes = new LinkedHashMap<>();
        notes.put("ok: untouched", () -> utf8(good));
        notes.put(UNVERIFIED + ": text letter changed", () -> utf8(good.replaceFirst("If", "if")));
        notes.put(UNVERIFIED + ": text line added", () -> utf8("extra\n" + good));
        notes.put(UNVERIFIED + ": signature bit flipped", () -> {
            byte[] sig = signature();
            sig[10] ^= 1;
            return utf8(TEXT + "\n" + line("PeterNeumann", hash, sig));
        });
        notes.put(
                UNVERIFIED + ": signature truncated to 63 bytes",
                () -> utf8(TEXT + "\n" + line("PeterNeumann", hash, java.util.Arrays.copyOf(signature(), 63))));
        notes.put(
                UNVERIFIED + ": signature extended to 65 bytes",
                () -> utf8(TEXT + "\n" + line("PeterNeumann", hash, java.util.Arrays.copyOf(signature(), 65))));
        notes.put(
                UNVERIFIED + ": key hash changed (unknown key)",
                () -> utf8(TEXT + "\n" + line("PeterNeumann", hash ^ 1, signature())));
        notes.put(
                UNVERIFIED + ": key name changed (unknown key)",
                () -> utf8(TEXT + "\n" + line("PeterNeumanm", hash, signature())));
        notes.put(
                UNVERIFIED + ": good line then a bad line of another known key",
                () -> utf8(good + line(OTHER.name(), OTHER.verifierKey().keyHash(), signature())));
        notes.put(UNVERIFIED + ": a bad line of a known key before a good one", () -> {
            byte[] sig = signature();
            sig[0] ^= 1;
            return utf8(TEXT + "\n" + line("PeterNeumann", hash, sig) + PETER.line(TEXT));
        });
        notes.put("ok: a line of an unknown key is ignored", () -> utf8(good + line("stranger", 1234, new byte[64])));
        notes.put(MALFORMED + ": empty note", () -> new byte[0]);
        notes.put(MALFORMED + ": no blank line", () -> utf8(TEXT + PETER.line(TEXT)));
        notes.put(MALFORMED + ": no final newline", () -> utf8(good.substring(0, good.length() - 1)));
        notes.put(MALFORMED + ": trailing blank line", () -> utf8(good + "\n"));
        notes.put(MALFORMED + ": no signature line", () -> utf8(TEXT + "\n"));
        notes.put(MALFORMED + ": empty text", () -> utf8("\n" + PETER.line(TEXT)));
        notes.put(MALFORMED + ": CRLF line ends", () -> utf8(good.replace("\n", "\r\n")));
        notes.put(MALFORMED + ": tab in the text", () -> utf8(good.replaceFirst(" ", "\t")));
        notes.put(MALFORMED + ": NUL in the text", () -> utf8("\u0000" + good));
        notes.put(MALFORMED + ": invalid UTF-8 byte", () -> {
            byte[] note = utf8(good);
            note[3] = (byte) 0xff;
            return note;
        });
        notes.put(MALFORMED + ": overlong UTF-8", () -> concat(new byte[] {(byte) 0xc0, (byte) 0xaf}, utf8(good)));
        notes.put(
                MALFORMED + ": UTF-8 of a surrogate",
                () -> concat(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, utf8(good)));
        notes.put(
                MALFORMED + ": truncated UTF-8 at the end of the text",
                () -> utf8("x\u00e8\n\n" + PETER.line("x\u00e8\n")).length > 0 ? cutLastTextByte() : new byte[0]);
        notes.put(MALFORMED + ": hyphen instead of em dash", () -> utf8(good.replace("\u2014", "-")));
        notes.put(MALFORMED + ": en dash instead of em dash", () -> utf8(good.replace("\u2014", "\u2013")));
        notes.put(MALFORMED + ": no space after the dash", () -> utf8(good.replace("\u2014 ", "\u2014")));
        notes.put(MALFORMED + ": no space before the signature", () -> utf8(good.replace("Neumann ", "Neumann")));
        notes.put(MALFORMED + ": two spaces before the signature", () -> utf8(good.replace("Neumann ", "Neumann  ")));
        notes.put(MALFORMED + ": plus in the key name", () -> utf8(good.replace("PeterNeumann", "Peter+Neumann")));
        notes.put(
                MALFORMED + ": no-break space in the key name",
                () -> utf8(good.replace("PeterNeumann", "Peter\u00a0Neumann")));
        notes.put(MALFORMED + ": empty key name", () -> utf8(good.replace("PeterNeumann", "")));
        notes.put(MALFORMED + ": unpadded base64", () -> utf8(good.replace("=\n", "\n")));
        notes.put(
                MALFORMED + ": base64url alphabet",
                () -> utf8(good.replace('+', '-').replace('/', '_')));
        notes.put(MALFORMED + ": non-canonical base64 (trailing bits)", () -> utf8(good.replace("AM=\n", "AN=\n")));
        notes.put(
                MALFORMED + ": signature of only a key hash",
                () -> utf8(TEXT + "\n" + line("PeterNeumann", hash, new byte[0])));
        notes.put(
                MALFORMED + ": 101 signature lines",
                () -> utf8(TEXT + "\n" + PETER.line(TEXT).repeat(101)));
        notes.put(
                "ok: 100 signature lines",
                () -> utf8(TEXT + "\n" + PETER.line(TEXT).repeat(100)));
        notes.put(MALFORMED + ": a signature line over 8192 bytes", () -> utf8(good + line("long", 1, new byte[6200])));
        notes.put("ok: a text of exactly 1 MiB", () -> sign(megabyteText(0), PETER));
        notes.put(MALFORMED + ": a text of 1 MiB and one byte", () -> sign(megabyteText(1), PETER));
        notes.put(MALFORMED + ": a note over the size bound", () -> new byte[NoteParser.MAX_NOTE + 1]);

        List<Executable> checks = new ArrayList<>();
        notes.forEach((name, note) -> checks.add(() -> {
            String want = name.substring(0, name.indexOf(':'));
            assertEquals(want, outcome(() -> VERIFIER.verify(note.get())), name);
        }));
        assertAll(checks);
    }

    private static byte[] cutLastTextByte() {
        String text = "x\u00e8\n";
        byte[] note = sign(text, PETER);
        // drop the second byte of the two-byte e-grave: the text is no longer UTF-8
        byte[] cut = new byte[note.length - 1];
        System.arraycopy(note, 0, cut, 0, 2);
        System.arraycopy(note, 3, cut, 2, note.length - 3);
        return cut;
    }

    private static String megabyteText(int extra) {
        int size = NoteParser.MAX_TEXT + extra;
        StringBuilder text = new StringBuilder(size);
        while (text.length() < size - 1) {
            text.append(text.length() % 64 == 63 ? '\n' : 'a');
        }
        return text.append('\n').toString();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void everyMutationOfAVerifierKeyIsMalformed() {
        String key = text("go_note", "peter_vkey");
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < key.length(); i++) {
            for (int j = i + 1; j <= key.length(); j++) {
                if (i != 0 || j != key.length()) {
                    bad.add(key.substring(i, j));
                }
            }
        }
        for (int i = 0; i < key.length(); i++) {
            char[] chars = key.toCharArray();
            chars[i]++;
            bad.add(new String(chars));
        }
        bad.add(key.toUpperCase(java.util.Locale.ROOT));
        bad.add(key.replace("c74f20a3", "C74F20A3"));
        bad.add(" " + key);
        bad.add(key + "\n");
        bad.add("");
        bad.add("+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
        bad.add("Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
        bad.add("PeterNeumann+c74f20a+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
        bad.add("PeterNeumann+c74f20a3");
        bad.add("PeterNeumann+c74f20a3+");
        bad.add(withAlgorithm(key, (byte) 0x02));
        bad.add(withAlgorithm(key, (byte) 0x04));
        List<Executable> checks = new ArrayList<>();
        for (String candidate : bad) {
            checks.add(() -> assertEquals(KEY_MALFORMED, outcome(() -> NoteVerifierKey.parse(candidate)), candidate));
        }
        assertAll(checks);
        assertEquals("ok", outcome(() -> NoteVerifierKey.parse(key)));
    }

    private static String withAlgorithm(String key, byte algorithm) {
        String[] parts = key.split("\\+", 3);
        byte[] encoded = Base64.getDecoder().decode(parts[2]);
        encoded[0] = algorithm;
        return parts[0] + "+" + parts[1] + "+" + Base64.getEncoder().encodeToString(encoded);
    }

    @Test
    void keysOfTheWrongTypeOrNameAreMalformed() {
        dev.cairn.keys.VerificationKey p256 = dev.cairn.keys.SigningKey.generate(
                        dev.cairn.keys.KeyType.P256, new java.security.SecureRandom())
                .verificationKey();
        assertEquals(KEY_MALFORMED, outcome(() -> NoteVerifierKey.of("log", p256)));
        dev.cairn.keys.VerificationKey ed = PETER.key().verificationKey();
        for (String name : List.of("", "a b", "a+b", "a\nb", "a\u2003b", "a\u0085b", "\ud800")) {
            assertEquals(KEY_MALFORMED, outcome(() -> NoteVerifierKey.of(name, ed)), name);
        }
        assertEquals(KEY_MALFORMED, outcome(() -> new NoteVerifierKey("PeterNeumann", 0, ed)));
        assertEquals("ok", outcome(() -> NoteVerifierKey.of("\u00e9t\u00e9.example/log", ed)));
    }
}
