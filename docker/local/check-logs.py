#!/usr/bin/env python3
"""Checks on the portal containers' logs for docker/test-cluster.sh (stdlib only).

  check-logs.py flyway LOG1 LOG2   both nodes started at once against an empty database: exactly
                                   one applied the migrations, the other waited for Flyway's lock
                                   and found the schema current; neither failed or retried.
  check-logs.py json LOG           the log is JSON lines (RATHAUS_LOG_FORMAT=json); prints how
                                   many carry a request id.
  check-logs.py dashboard JSON SCRAPE...  every rathaus_* metric the Grafana dashboard queries
                                   is in one of the scraped Prometheus texts (WildFly's: a warning).
Exits non-zero with the reason on any failure.
"""
import datetime
import json
import re
import sys

SCHEMA = re.compile(r"Database schema at version (\S+) \((\d+) migrations applied now\)")
NOT_READY = "Database schema not ready yet"


def messages(path):
    """(timestamp or None, message) per log line, JSON or text."""
    out = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            try:
                record = json.loads(line)
            except ValueError:
                out.append((None, line))
                continue
            if isinstance(record, dict) and "message" in record:
                out.append((record.get("timestamp"), record["message"]))
            else:
                out.append((None, line))
    return out


def flyway(paths):
    results = []
    for path in paths:
        lines = messages(path)
        failures = [m for _, m in lines if NOT_READY in m]
        if failures:
            sys.exit(f"FLYWAY: {path}: the schema was not ready at the first attempt: {failures[0]}")
        found = [(t, SCHEMA.search(m)) for t, m in lines if SCHEMA.search(m)]
        if len(found) != 1:
            sys.exit(f"FLYWAY: {path}: expected one 'Database schema at version' line, found {len(found)}")
        stamp, match = found[0]
        results.append((path, stamp, match.group(1), int(match.group(2))))
    versions = {r[2] for r in results}
    if len(versions) != 1:
        sys.exit(f"FLYWAY: the nodes ended on different schema versions: {results}")
    applied = sorted(r[3] for r in results)
    if applied[0] != 0 or applied[1] == 0:
        sys.exit(f"FLYWAY: expected one node to migrate and the other to apply nothing: {results}")
    migrator = next(r for r in results if r[3] > 0)
    waiter = next(r for r in results if r[3] == 0)
    # The second node either overlapped with the first (began before the first had applied its
    # migrations: it waited for Flyway's lock and read the schema only after the first released it)
    # or started after the first had migrated (podman starts the two containers at once, but one
    # JVM may reach Flyway tens of seconds later on a busy machine): then it simply found the
    # schema current. Both are correct; what must never happen is reading the schema while the
    # first still migrated, a second migrator, a failure or a retry (checked above).
    began = first_time(messages(waiter[0]), "Database: jdbc:")
    read = first_time(messages(waiter[0]), 'Current version of schema "public"')
    locked = first_time(messages(migrator[0]), 'Current version of schema "public"')
    applied = first_time(messages(migrator[0]), "Successfully applied")
    if None in (began, read, locked, applied):
        sys.exit("FLYWAY: Flyway's own log lines (with timestamps) not found; needs RATHAUS_LOG_FORMAT=json")
    if locked < read < applied:
        sys.exit(f"FLYWAY: the second node read the schema at {read}, while the first migrated under the"
                 f" lock ({locked} .. {applied})")
    overlap = began < applied
    how = (f"began at {began} while the first migrated, waited for the lock" if overlap else
           f"began at {began}, after the first had migrated (no overlap this time: the lock was not"
           f" put to the test, the schema was simply current)")
    print(f"FLYWAY: {migrator[0]} migrated under the lock from {locked} to {applied} ({migrator[3]} migrations,"
          f" schema {migrator[2]}); {waiter[0]} {how}, read schema {waiter[2]} at {read}"
          f" and applied none; no failure, no retry")


def first_time(lines, needle):
    """The timestamp of the first message containing needle, as seconds (WildFly writes ISO 8601
    with 1 to 3 fraction digits, so the text alone does not sort)."""
    for stamp, message in lines:
        if needle in message and stamp:
            return Stamp(stamp)
    return None


class Stamp(str):
    """An ISO 8601 timestamp that compares by time and prints as written."""

    def seconds(self):
        return datetime.datetime.fromisoformat(self.replace("Z", "+00:00")).timestamp()

    def __lt__(self, other):
        return self.seconds() < other.seconds()


def json_lines(path):
    total = parsed = with_id = 0
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.strip()
            if not line.startswith("{"):
                continue   # standalone.sh's banner before the log manager starts
            total += 1
            record = json.loads(line)   # a broken line fails the check
            if "message" in record and "level" in record:
                parsed += 1
            if isinstance(record.get("mdc"), dict) and record["mdc"].get("requestId"):
                with_id += 1
    if parsed == 0 or parsed != total:
        sys.exit(f"JSON LOG: {path}: {parsed} of {total} lines are log records")
    print(f"JSON LOG: {path}: {parsed} JSON log records, {with_id} with a request id")


def dashboard(path, scrapes):
    with open(path, encoding="utf-8") as f:
        exprs = [t["expr"] for p in json.load(f)["panels"] for t in p["targets"]]
    names = set()
    for expr in exprs:
        for name in re.findall(r"\b([a-z_][a-z0-9_]*)(?=\{|\[|\)|$| )", expr):
            if name.startswith(("rathaus_", "base_", "wildfly_", "vendor_")):
                names.add(name)
    exposed = set()
    for scrape in scrapes:
        with open(scrape, encoding="utf-8", errors="replace") as f:
            for line in f:
                m = re.match(r"([a-zA-Z_:][a-zA-Z0-9_:]*)[ {]", line)
                if m:
                    exposed.add(m.group(1))
    missing = sorted(names - exposed)
    # The portal's own metrics must all be there; WildFly's depend on its statistics settings.
    if any(n.startswith("rathaus_") for n in missing):
        sys.exit(f"DASHBOARD: queried but not exposed: {missing}")
    if missing:
        print(f"DASHBOARD: WARNING, WildFly metrics queried but not exposed: {missing}")
        return
    print(f"DASHBOARD: all {len(names)} metrics the dashboard queries are exposed")


if __name__ == "__main__":
    if sys.argv[1:2] == ["flyway"] and len(sys.argv) == 4:
        flyway(sys.argv[2:])
    elif sys.argv[1:2] == ["dashboard"] and len(sys.argv) >= 4:
        dashboard(sys.argv[2], sys.argv[3:])
    elif sys.argv[1:2] == ["json"] and len(sys.argv) == 3:
        json_lines(sys.argv[2])
    else:
        sys.exit(__doc__)
