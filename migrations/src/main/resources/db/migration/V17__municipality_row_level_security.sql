-- Row-level security on the municipality table itself (issue 10). Until now the application role
-- could UPDATE any municipality row, so a bug or an injected query in one municipality's staff scope
-- could redirect another municipality's payee account (IBAN) or suspend it. Convention of V2:
--   * reading stays open to every scope: the public directory, service pages and sign-in look
--     municipalities up before anyone is signed in (name, slug, status are public facts; the payee
--     account is printed on every payment page anyway);
--   * creating a municipality is onboarding, the platform's job only;
--   * changing a row: the platform any row, staff only their own municipality's row (a municipal
--     admin's settings page writes its own payee account and letterhead);
--   * no delete grant exists (V1), so nothing to add for deletes.
-- The schema owner (migrations) is not subject to these policies.

alter table municipality enable row level security;

create policy municipality_read on municipality for select
    using (true);

create policy municipality_create on municipality for insert
    with check (rathaus_scope() = 'platform');

create policy municipality_change on municipality for update
    using (rathaus_scope() = 'platform'
           or (rathaus_scope() = 'staff' and id = rathaus_municipality()))
    with check (rathaus_scope() = 'platform'
                or (rathaus_scope() = 'staff' and id = rathaus_municipality()));
