-- Row-level security: the database checks the tenant scope again, so a query that forgets its
-- WHERE clause still returns only what the caller may see.
--
-- The portal sets three settings at the start of every transaction (set_config(..., true), so they
-- end with the transaction and never leak to the next user of a pooled connection):
--   rathaus.scope         'public' | 'citizen' | 'staff' | 'platform'   (missing = 'none': sees nothing)
--   rathaus.municipality  the staff member's municipality id
--   rathaus.subject       the signed-in person's subject (citizens see their own rows)
-- The application role is no superuser, has no BYPASSRLS and owns no table, so it cannot escape.

create function rathaus_scope() returns text
    language sql stable
    as $$ select coalesce(nullif(current_setting('rathaus.scope', true), ''), 'none') $$;

create function rathaus_municipality() returns uuid
    language sql stable
    as $$ select nullif(current_setting('rathaus.municipality', true), '')::uuid $$;

create function rathaus_subject() returns text
    language sql stable
    as $$ select nullif(current_setting('rathaus.subject', true), '') $$;

-- Convention for every tenant-owned table T (later migrations follow it):
--   alter table T enable row level security;
--   create policy T_tenant on T
--       using (rathaus_scope() = 'platform' or municipality_id = rathaus_municipality())
--       with check (rathaus_scope() = 'platform' or municipality_id = rathaus_municipality());
-- The schema owner (migrations, ./rathaus audit-verify) is not subject to the policies.

alter table audit_entry enable row level security;

-- Reading the audit log is reading personal data: staff see their municipality's chain, the
-- platform sees all; citizens and anonymous callers see nothing.
create policy audit_entry_read on audit_entry for select
    using (rathaus_scope() = 'platform'
           or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()));

-- Anyone acting through the portal may append (a citizen's submission is recorded in the
-- municipality's chain); the hash chain and the append-only trigger protect what is written.
create policy audit_entry_append on audit_entry for insert
    with check (true);
