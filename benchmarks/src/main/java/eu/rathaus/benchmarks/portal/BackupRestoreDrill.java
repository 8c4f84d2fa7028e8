package eu.rathaus.benchmarks.portal;

import eu.rathaus.audit.domain.AuditChainVerifier.VerificationResult;
import eu.rathaus.benchmarks.drills.Drill;
import eu.rathaus.launcher.AuditVerifyCommand;
import eu.rathaus.launcher.LocalPostgres;
import eu.rathaus.launcher.Stack;
import eu.rathaus.launcher.StackConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Drill (f): backup under load and point-in-time restore, with PostgreSQL's own low-level backup
 * API ({@code pg_backup_start}/{@code pg_backup_stop} and a file copy) and WAL archiving ({@code
 * archive_command}) — the embedded PostgreSQL 18 has no {@code pg_basebackup}, and Debian's is
 * version 15, which cannot back up a version 18 server. The master keystore is copied with it.
 *
 * <p>Sequence: archiving switched on (one restart), citizens submit while the base backup is taken;
 * the load pauses and the state at time T is fingerprinted (row count and an MD5 of the sorted rows
 * of every table — the attachments' encrypted files are rows of {@code attachment}); more
 * submissions after T; the base backup is restored into a fresh folder with the archived WAL up to
 * T ({@code recovery_target_time}) on a port of its own. Passes if every table's count and
 * fingerprint equal those at T, the audit chain verifies on the restored cluster, the keystore copy
 * is identical, and the running portal works on the restored cluster (swapped in on PostgreSQL's
 * port: a citizen signed in before T submits). The original cluster is put back afterwards.
 */
final class BackupRestoreDrill {

  private static final Set<String> SKIPPED =
      Set.of(
          "postmaster.pid",
          "postmaster.opts",
          "pg_wal",
          "pg_replslot",
          "pg_stat_tmp",
          "pg_dynshmem",
          "pg_notify",
          "pg_serial",
          "pg_snapshots",
          "pg_subtrans");

  private BackupRestoreDrill() {}

  static Drill.Verdict run(Stack stack, DataSource db, List<Citizen> citizens, Citizen stayer)
      throws Exception {
    StackConfig config = stack.config();
    Path data = LocalPostgres.dataDirectory(config);
    Path work = config.dataDir().resolve("backup-drill");
    deleteTree(work);
    Path archive = Files.createDirectories(work.resolve("wal-archive"));
    Path base = work.resolve("base");
    Path restored = work.resolve("restored");
    Path log = config.logDir().resolve("postgres.log");
    PgCtl pg = PgCtl.of(data);
    List<String> problems = new ArrayList<>();
    String version;
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("show server_version")) {
      rs.next();
      version = rs.getString(1);
    }

    // 1. WAL archiving on (archive_mode needs a restart).
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute("alter system set archive_mode = 'on'");
      s.execute(
          "alter system set archive_command = 'test ! -f "
              + archive
              + "/%f && cp %p "
              + archive
              + "/%f'");
    }
    pg.stop(data);
    pg.start(data, log, pg.options());

    // 2. Base backup under load.
    SubmissionLoad load = SubmissionLoad.start(citizens);
    Thread.sleep(5_000);
    long backupStart = System.nanoTime();
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute("select pg_backup_start('rathaus-drill', true)");
      copyTree(data, base);
      try (ResultSet rs =
          s.executeQuery("select labelfile, spcmapfile from pg_backup_stop(true)")) {
        rs.next();
        Files.writeString(base.resolve("backup_label"), rs.getString(1));
        String map = rs.getString(2);
        if (map != null && !map.isEmpty()) {
          Files.writeString(base.resolve("tablespace_map"), map);
        }
      }
    }
    double backupSeconds = (System.nanoTime() - backupStart) / 1e9;
    Path keystoreCopy = Files.createDirectories(work.resolve("keystore"));
    Files.copy(
        config.keystorePath(),
        keystoreCopy.resolve(config.keystorePath().getFileName()),
        StandardCopyOption.REPLACE_EXISTING);
    boolean keystoreSame =
        sha256(config.keystorePath())
            .equals(sha256(keystoreCopy.resolve(config.keystorePath().getFileName())));
    Thread.sleep(5_000);
    load.stop();
    int ackedBeforeT = load.acknowledged().size();

    // 3. The state at T.
    Thread.sleep(1_000);
    String target;
    Map<String, String> atT;
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("select clock_timestamp()::text")) {
        rs.next();
        target = rs.getString(1);
      }
      atT = fingerprints(c);
      c.rollback();
    }
    Thread.sleep(1_500);

    // 4. More writes after T, which the restore must not contain.
    SubmissionLoad after = SubmissionLoad.start(citizens);
    Thread.sleep(8_000);
    after.stop();
    List<String> afterT = after.acknowledged();
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      String segment;
      try (ResultSet rs = s.executeQuery("select pg_walfile_name(pg_current_wal_lsn())")) {
        rs.next();
        segment = rs.getString(1);
      }
      s.execute("select pg_switch_wal()");
      long until = System.nanoTime() + 120_000_000_000L;
      while (!Files.exists(archive.resolve(segment)) && System.nanoTime() < until) {
        Thread.sleep(500);
      }
    }

    // 5. Restore into a fresh folder, to T, on a port of its own.
    long restoreStart = System.nanoTime();
    copyTree(base, restored);
    Files.createDirectories(restored.resolve("pg_wal/archive_status"));
    Files.setPosixFilePermissions(restored, PosixFilePermissions.fromString("rwx------"));
    Files.writeString(restored.resolve("recovery.signal"), "");
    Files.writeString(
        restored.resolve("postgresql.auto.conf"),
        "\n# point-in-time recovery (backup drill)\n"
            + "restore_command = 'cp "
            + archive
            + "/%f %p'\n"
            + "recovery_target_time = '"
            + target
            + "'\n"
            + "recovery_target_action = 'promote'\n"
            + "archive_mode = 'off'\n",
        java.nio.file.StandardOpenOption.APPEND);
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    List<String> restoredOptions = new ArrayList<>(withPort(pg.options(), port));
    pg.start(restored, work.resolve("restored.log"), restoredOptions);
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/" + StackConfig.APP_DATABASE;
    awaitPromoted(url);
    double restoreSeconds = (System.nanoTime() - restoreStart) / 1e9;
    Map<String, String> inRestore;
    VerificationResult audit;
    long afterTPresent;
    try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      inRestore = fingerprints(c);
      audit = AuditVerifyCommand.verify(c);
      try (java.sql.PreparedStatement s =
          c.prepareStatement(
              "select count(*) from case_application where reference_number = any(?)")) {
        s.setArray(1, c.createArrayOf("varchar", afterT.toArray()));
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          afterTPresent = rs.getLong(1);
        }
      }
      c.rollback();
    }
    List<String> differing = new ArrayList<>();
    atT.forEach(
        (table, fp) -> {
          if (!fp.equals(inRestore.get(table))) {
            differing.add(table + " (" + fp + " vs " + inRestore.get(table) + ")");
          }
        });
    pg.stop(restored);

    // 6. The portal on the restored cluster: swapped in on PostgreSQL's own port.
    pg.stop(data);
    String portalOnRestore;
    try {
      pg.start(restored, work.resolve("restored.log"), pg.options());
      portalOnRestore = submitWithin(stayer, 90);
    } finally {
      try {
        pg.stop(restored);
      } finally {
        pg.start(data, log, pg.options());
      }
    }
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute("alter system reset archive_command");
      s.execute("alter system reset archive_mode");
    }
    if (!differing.isEmpty()) {
      problems.add("tables differing from T: " + differing);
    }
    if (!audit.ok()) {
      problems.add("audit chain on the restore: " + audit.reason());
    }
    if (afterTPresent != 0) {
      problems.add(afterTPresent + " submissions made after T are in the restore");
    }
    if (!keystoreSame) {
      problems.add("keystore copy differs");
    }
    if (portalOnRestore.startsWith("!")) {
      problems.add("portal on the restore: " + portalOnRestore.substring(1));
    }
    long rows = 0;
    for (String fp : atT.values()) {
      rows += Long.parseLong(fp.split(" ")[0]);
    }
    String evidence =
        String.format(
            Locale.ROOT,
            "base backup under load of %d citizens in %.1f s (pg_backup_start/stop + file copy, WAL"
                + " archived by archive_command; the embedded PostgreSQL %s, binaries in %s) plus the master keystore"
                + " (copy %s); %d submissions before T, %d after T; restored into a fresh folder"
                + " to T (recovery_target_time) in %.1f s: %d of %d tables identical in row count"
                + " and content hash (%d rows, attachments' encrypted files included), audit chain"
                + " %s, submissions after T in the restore: %d; the running portal on the restored"
                + " cluster (swapped in on PostgreSQL's port, no portal restart): %s; problems: %s",
            citizens.size(),
            backupSeconds,
            version,
            pg.bin(),
            keystoreSame ? "identical, SHA-256" : "DIFFERENT",
            ackedBeforeT,
            afterT.size(),
            restoreSeconds,
            atT.size() - differing.size(),
            atT.size(),
            rows,
            audit.ok() ? "verifies (" + audit.checked() + " entries)" : "BROKEN",
            afterTPresent,
            portalOnRestore.startsWith("!") ? "FAILED" : "submission " + portalOnRestore,
            problems.isEmpty() ? "none" : problems);
    StringBuilder details = new StringBuilder("Recovery target T = `" + target + "`.\n\n");
    details.append("| table | rows and MD5 at T | restored |\n|---|---|---|\n");
    atT.forEach(
        (table, fp) ->
            details
                .append("| ")
                .append(table)
                .append(" | ")
                .append(fp)
                .append(" | ")
                .append(
                    fp.equals(inRestore.get(table)) ? "same" : "**" + inRestore.get(table) + "**")
                .append(" |\n"));
    return new Drill.Verdict("backup-restore", problems.isEmpty(), evidence, details.toString());
  }

  /** Every table of schema public: row count and MD5 of its rows as text, sorted. */
  static Map<String, String> fingerprints(Connection c) throws SQLException {
    Map<String, String> out = new TreeMap<>();
    List<String> tables = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("select tablename from pg_tables where schemaname = 'public'")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    for (String table : tables) {
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "select count(*), md5(coalesce(string_agg(x::text, '|' order by x::text), ''))"
                      + " from public.\""
                      + table
                      + "\" x")) {
        rs.next();
        out.put(table, rs.getLong(1) + " " + rs.getString(2));
      }
    }
    return out;
  }

  private static List<String> withPort(List<String> options, int port) {
    List<String> out = new ArrayList<>(options);
    int p = out.indexOf("-p");
    if (p >= 0) {
      out.set(p + 1, Integer.toString(port));
    } else {
      out.add("-p");
      out.add(Integer.toString(port));
    }
    out.add("-c");
    out.add("archive_mode=off");
    return out;
  }

  private static void awaitPromoted(String url) throws Exception {
    long until = System.nanoTime() + 600_000_000_000L;
    Exception last = null;
    while (System.nanoTime() < until) {
      try (Connection c = DriverManager.getConnection(url, "postgres", "");
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("select pg_is_in_recovery()")) {
        rs.next();
        if (!rs.getBoolean(1)) {
          return;
        }
      } catch (SQLException e) {
        last = e;
      }
      Thread.sleep(500);
    }
    throw new IOException("the restored cluster was not promoted within 600 s", last);
  }

  /** A submission by a citizen signed in before; its reference, or "!" and why it failed. */
  private static String submitWithin(Citizen citizen, int seconds) throws InterruptedException {
    long until = System.nanoTime() + seconds * 1_000_000_000L;
    String why = "";
    while (System.nanoTime() < until) {
      try {
        return citizen.apply(PortalBenchmark.MUNICIPALITY, PortalBenchmark.SERVICE);
      } catch (IOException e) {
        why = e.getMessage();
        Thread.sleep(1000);
      }
    }
    return "!" + why;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            Path rel = from.relativize(dir);
            Files.createDirectories(to.resolve(rel));
            // The contents of these are rebuilt or not needed; the folders themselves must exist.
            return rel.getNameCount() == 1 && SKIPPED.contains(rel.toString())
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Path rel = from.relativize(file);
            if (rel.getNameCount() == 1 && SKIPPED.contains(rel.toString())) {
              return FileVisitResult.CONTINUE;
            }
            try {
              Files.copy(file, to.resolve(rel), StandardCopyOption.REPLACE_EXISTING);
            } catch (NoSuchFileException gone) {
              // dropped while copying: the WAL replay recreates what matters
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
