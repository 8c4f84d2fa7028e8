package eu.rathaus.web.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The attachment table as the superuser sees it, bypassing the portal and row-level security: to
 * prove what is really stored, and to alter it behind the portal's back.
 */
public final class AttachmentRows {

  private AttachmentRows() {}

  /** One stored row's sealed part. */
  public record Row(UUID id, byte[] nonce, byte[] ciphertext, int keyVersion) {}

  public static List<Row> bySha256(String sha256) throws Exception {
    try (Connection c = Jdbc.superuser();
        PreparedStatement s = c.prepareStatement(
            "select id, nonce, ciphertext, key_version from attachment where sha256 = ?")) {
      s.setString(1, sha256);
      List<Row> rows = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.add(new Row(r.getObject(1, UUID.class), r.getBytes(2), r.getBytes(3), r.getInt(4)));
        }
      }
      return rows;
    }
  }

  public static byte[] wrappedKey(UUID municipalityId, int version) throws Exception {
    try (Connection c = Jdbc.superuser();
        PreparedStatement s = c.prepareStatement(
            "select wrapped_key from municipality_data_key where municipality_id = ? and key_version = ?")) {
      s.setObject(1, municipalityId);
      s.setInt(2, version);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getBytes(1) : null;
      }
    }
  }

  /** Flips the lowest bit of the 10th ciphertext byte of the newest row with that hash; returns the count. */
  public static int flipBit(String sha256) throws Exception {
    try (Connection c = Jdbc.superuser();
        PreparedStatement s = c.prepareStatement(
            "update attachment set ciphertext = set_byte(ciphertext, 9, get_byte(ciphertext, 9) # 1)"
                + " where id = (select id from attachment where sha256 = ? order by created_at desc limit 1)")) {
      s.setString(1, sha256);
      return s.executeUpdate();
    }
  }

  /** True if {@code needle} occurs in {@code haystack}. */
  public static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
