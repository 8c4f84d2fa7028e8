-- Rathaus schema, version 38 (issue 16): audit checkpoints anchored outside the database's trust.
-- The hash chain (V1) shows any change to an entry, unless someone with full database rights rewrites
-- the entries AND the chain head. A checkpoint lists the hashes of a chain's entries since the previous
-- checkpoint and is signed (HMAC-SHA256) with a key that lives only in the portal's secrets, never in
-- PostgreSQL; it also signs the previous checkpoint's signature, so checkpoints form a chain of their own.
-- The verifier compares every anchored entry with its checkpoint and names the first one that differs.
-- Written by one node at a time (advisory lock); append-only for the application role.

create table audit_checkpoint (
    id          bigint       generated always as identity primary key,
    chain       varchar(80)  not null references audit_chain_head (chain),
    from_seq    bigint       not null,
    to_seq      bigint       not null,
    -- the entries' hashes from_seq..to_seq, comma separated
    hashes      text         not null,
    prev_mac    varchar(64)  not null,
    created_ms  bigint       not null,
    mac         varchar(64)  not null,
    constraint audit_checkpoint_range_ck check (from_seq >= 1 and to_seq >= from_seq),
    constraint audit_checkpoint_to_uk unique (chain, to_seq)
);

create function audit_checkpoint_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_checkpoint is append-only (% refused)', tg_op;
end;
$$;

create trigger audit_checkpoint_append_only
    before update or delete or truncate on audit_checkpoint
    for each statement execute function audit_checkpoint_append_only();

grant select, insert on audit_checkpoint to ${appRole};
