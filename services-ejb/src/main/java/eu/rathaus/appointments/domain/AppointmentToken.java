package eu.rathaus.appointments.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret in an appointment's confirm/cancel link: 32 random bytes (base64url), unguessable.
 * Only its SHA-256 is stored, so the database alone opens no link.
 */
public final class AppointmentToken {

  private static final SecureRandom RANDOM = new SecureRandom();

  private AppointmentToken() {}

  public static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The stored form; null for something that cannot be a token (so nothing is looked up). */
  public static String hash(String token) {
    if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
      return null;
    }
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
