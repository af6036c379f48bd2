package dev.octogate.signin;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectStreamException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The bytes of what Octogate seals (the signed-in user, a pending sign-in): its fields written one
 * after another, after a version byte. Small, which is what a shared session store (a database row
 * per session, read on every request) and a cookie pay for. Strings may be null.
 */
final class CompactForm {

    private CompactForm() {
    }

    /** Writes the fields of one value. */
    static final class Writer {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        private final DataOutputStream out = new DataOutputStream(bytes);

        Writer(int version) {
            write(() -> out.writeByte(version));
        }

        Writer string(String value) {
            return write(() -> {
                out.writeBoolean(value != null);
                if (value != null) {
                    out.writeUTF(value);
                }
            });
        }

        Writer bool(boolean value) {
            return write(() -> out.writeBoolean(value));
        }

        Writer number(long value) {
            return write(() -> out.writeLong(value));
        }

        Writer instant(Instant value) {
            return write(() -> {
                out.writeBoolean(value != null);
                if (value != null) {
                    out.writeLong(value.getEpochSecond());
                    out.writeInt(value.getNano());
                }
            });
        }

        byte[] done() {
            return bytes.toByteArray();
        }

        private Writer write(IoAction action) {
            try {
                action.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a byte array does not fail
            }
            return this;
        }
    }

    /** Reads them back in the same order. */
    static final class Reader {
        private final DataInputStream in;
        private final int version;

        /** {@code versions}: those this code can read, each one's fields known to the caller. */
        Reader(byte[] data, int... versions) throws ObjectStreamException {
            in = new DataInputStream(new ByteArrayInputStream(data));
            try {
                version = in.readByte();
            } catch (IOException e) {
                throw invalid(e);
            }
            if (java.util.Arrays.stream(versions).noneMatch(v -> v == version)) {
                throw new InvalidObjectException("unknown version of a stored session value");
            }
        }

        /** The version the value was written in. */
        int version() {
            return version;
        }

        boolean bool() throws ObjectStreamException {
            try {
                return in.readBoolean();
            } catch (IOException e) {
                throw invalid(e);
            }
        }

        String string() throws ObjectStreamException {
            try {
                return in.readBoolean() ? in.readUTF() : null;
            } catch (IOException e) {
                throw invalid(e);
            }
        }

        long number() throws ObjectStreamException {
            try {
                return in.readLong();
            } catch (IOException e) {
                throw invalid(e);
            }
        }

        Instant instant() throws ObjectStreamException {
            try {
                return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
            } catch (IOException e) {
                throw invalid(e);
            }
        }

        private static InvalidObjectException invalid(IOException e) {
            InvalidObjectException invalid = new InvalidObjectException("a stored session value is cut short");
            invalid.initCause(e);
            return invalid;
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }
}
