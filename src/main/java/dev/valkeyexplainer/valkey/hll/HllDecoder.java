package dev.valkeyexplainer.valkey.hll;

/**
 * Decodes the raw value of a HyperLogLog key (read with GET as bytes).
 *
 * <pre>
 * header, 16 bytes:  "HYLL" | encoding (0 dense, 1 sparse) | 3 unused | 8-byte cached cardinality,
 *                    little-endian; the top bit of the last byte set means "stale, recount"
 * dense:   16,384 registers x 6 bits = 12,288 bytes; register i starts at bit 6i, counted from the
 *          least significant bit of each byte
 * sparse:  a run-length stream of opcodes
 *          ZERO   00xxxxxx           1-64 registers set to 0
 *          XZERO  01xxxxxx yyyyyyyy  1-16,384 registers set to 0 (14-bit length)
 *          VAL    1vvvvvxx           value 1-32 repeated 1-4 times
 * </pre>
 *
 * Anything else (another type's value, a truncated or corrupt stream) is rejected with a
 * {@link NotAHyperLogLog} whose message says what is wrong, rather than drawn as garbage.
 */
public final class HllDecoder {

    public static final int HEADER = 16;
    public static final int DENSE_BYTES = (HllHash.REGISTERS * 6 + 7) / 8;

    private HllDecoder() {
    }

    public static HllState decode(byte[] raw) {
        if (raw == null) throw new NotAHyperLogLog("The key does not exist.");
        if (raw.length < HEADER || raw[0] != 'H' || raw[1] != 'Y' || raw[2] != 'L' || raw[3] != 'L') {
            throw new NotAHyperLogLog("Not a HyperLogLog: the value does not start with the HYLL magic ("
                    + raw.length + " bytes).");
        }
        int encoding = raw[4] & 0xff;
        long card = 0;
        for (int i = 0; i < 8; i++) card |= (raw[8 + i] & 0xffL) << (8 * i);
        boolean valid = (raw[15] & 0x80) == 0;
        card &= ~(1L << 63);
        return switch (encoding) {
            case 0 -> dense(raw, card, valid);
            case 1 -> sparse(raw, card, valid);
            default -> throw new NotAHyperLogLog("Unknown HyperLogLog encoding " + encoding + " (expected 0 dense or 1 sparse).");
        };
    }

    private static HllState dense(byte[] raw, long card, boolean valid) {
        if (raw.length != HEADER + DENSE_BYTES) {
            throw new NotAHyperLogLog("Corrupt dense HyperLogLog: " + raw.length + " bytes, expected " + (HEADER + DENSE_BYTES) + ".");
        }
        int[] regs = new int[HllHash.REGISTERS];
        for (int i = 0; i < HllHash.REGISTERS; i++) {
            int bit = i * 6;
            int b = HEADER + bit / 8;
            int fb = bit & 7;
            int b0 = raw[b] & 0xff;
            int b1 = b + 1 < raw.length ? raw[b + 1] & 0xff : 0;
            regs[i] = ((b0 >>> fb) | (b1 << (8 - fb))) & 0x3f;
        }
        return new HllState(HllState.Encoding.DENSE, card, valid, regs, raw.length, 0);
    }

    private static HllState sparse(byte[] raw, long card, boolean valid) {
        int[] regs = new int[HllHash.REGISTERS];
        int idx = 0;
        int ops = 0;
        int p = HEADER;
        while (p < raw.length) {
            int op = raw[p] & 0xff;
            int run;
            int value = 0;
            if ((op & 0xc0) == 0x00) { // ZERO
                run = (op & 0x3f) + 1;
                p += 1;
            } else if ((op & 0xc0) == 0x40) { // XZERO
                if (p + 1 >= raw.length) throw new NotAHyperLogLog("Corrupt sparse HyperLogLog: XZERO opcode cut short at byte " + p + ".");
                run = (((op & 0x3f) << 8) | (raw[p + 1] & 0xff)) + 1;
                p += 2;
            } else { // VAL
                value = ((op >>> 2) & 0x1f) + 1;
                run = (op & 0x03) + 1;
                p += 1;
            }
            if (idx + run > HllHash.REGISTERS) {
                throw new NotAHyperLogLog("Corrupt sparse HyperLogLog: opcodes cover more than 16,384 registers.");
            }
            if (value != 0) for (int i = 0; i < run; i++) regs[idx + i] = value;
            idx += run;
            ops++;
        }
        if (idx != HllHash.REGISTERS) {
            throw new NotAHyperLogLog("Corrupt sparse HyperLogLog: opcodes cover " + idx + " registers, not 16,384.");
        }
        return new HllState(HllState.Encoding.SPARSE, card, valid, regs, raw.length, ops);
    }

    /** The value is not a HyperLogLog, or a corrupt one. */
    public static final class NotAHyperLogLog extends IllegalArgumentException {
        public NotAHyperLogLog(String message) {
            super(message);
        }
    }
}
