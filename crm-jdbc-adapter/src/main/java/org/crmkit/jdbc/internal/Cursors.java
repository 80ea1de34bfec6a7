package org.crmkit.jdbc.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

import org.crmkit.spi.ValidationException;

/**
 * Encodes and decodes the opaque keyset cursors of query pages. A cursor holds the sort key of
 * the last item of a page, tagged with what it pages over, and is base64url-encoded so that
 * callers treat it as opaque. A cursor that was not issued here is refused.
 */
final class Cursors {

    private static final String CUSTOMER_TAG = "customer.v1";
    private static final String TIMELINE_TAG = "timeline.v1";
    private static final String RECORD_TAG = "record.v1";
    private static final char SEPARATOR = '|';

    private Cursors() {
    }

    /** The sort key of a timeline entry: when it occurred, then its id. */
    record TimelineKey(Instant occurredAt, UUID id) {
    }

    static String customer(UUID lastId) {
        return encode(CUSTOMER_TAG + SEPARATOR + lastId);
    }

    static UUID customerAfter(String cursor) {
        String[] parts = decode(cursor, CUSTOMER_TAG, 2);
        try {
            return UUID.fromString(parts[1]);
        } catch (IllegalArgumentException e) {
            throw refused(cursor);
        }
    }

    /** A cursor after the record {@code lastId} of kind {@code kind}; it is valid for that kind only. */
    static String record(String kind, UUID lastId) {
        return encode(RECORD_TAG + SEPARATOR + kind + SEPARATOR + lastId);
    }

    static UUID recordAfter(String kind, String cursor) {
        String[] parts = decode(cursor, RECORD_TAG, 3);
        if (!parts[1].equals(kind)) {
            throw refused(cursor);
        }
        try {
            return UUID.fromString(parts[2]);
        } catch (IllegalArgumentException e) {
            throw refused(cursor);
        }
    }

    static String timeline(Instant occurredAt, UUID lastId) {
        return encode(TIMELINE_TAG + SEPARATOR + occurredAt + SEPARATOR + lastId);
    }

    static TimelineKey timelineAfter(String cursor) {
        String[] parts = decode(cursor, TIMELINE_TAG, 3);
        try {
            return new TimelineKey(Instant.parse(parts[1]), UUID.fromString(parts[2]));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw refused(cursor);
        }
    }

    private static String encode(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String cursor, String tag, int parts) {
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw refused(cursor);
        }
        String[] split = plain.split("\\" + SEPARATOR, -1);
        if (split.length != parts || !split[0].equals(tag)) {
            throw refused(cursor);
        }
        return split;
    }

    private static ValidationException refused(String cursor) {
        return new ValidationException("after", "must be a cursor returned by this store for the same kind of query",
                cursor);
    }
}
