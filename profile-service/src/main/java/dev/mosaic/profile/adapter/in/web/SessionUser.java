package dev.mosaic.profile.adapter.in.web;

import java.io.Serializable;
import java.time.Instant;

/**
 * Who signed in to this session and when: the details of a session's authentication. The roles are read again from
 * the accounts on every request ({@link SessionUserFilter}), so a change of roles, a disabled account or a new
 * password take effect at once.
 */
record SessionUser(String userName, String displayName, Instant signedInAt) implements Serializable {
}
