-- Rathaus schema, version 69 (issue 14): the API's rate-limit buckets shared by every portal node.
--   Bucket4j's PostgreSQL integration (SELECT ... FOR UPDATE on one row per caller) keeps each
--   caller's token bucket here instead of in one node's memory, so a client gets its limit once,
--   not once per node. Columns as Bucket4j expects them: the key, its serialised state, and when
--   the row may go (epoch milliseconds; a full bucket is the same as no row).
--
--   No row-level security, deliberately: the table is technical, not a municipality's data. It
--   has no municipality_id and holds no personal data: the key is a SHA-256 of the caller's key
--   ("api-client:<id>", "client:<azp>", "ip:<address>"), never the address itself, and the state
--   is token counts and timestamps. Rows expire about a minute after their last use and the
--   portal deletes expired ones. Only the application role reads and writes it.

create table rate_limit_bucket (
    id          varchar(64)  primary key,
    state       bytea,
    expires_at  bigint
);

create index rate_limit_bucket_expires_idx on rate_limit_bucket (expires_at);

grant select, insert, update, delete on rate_limit_bucket to ${appRole};
