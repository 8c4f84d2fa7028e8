-- Rathaus schema, version 61 (issue 14, "Events and API"): API clients of a municipality.
--   * api_client: one row per API client the municipal admin created — a confidential Keycloak
--     client (client_id) whose tokens carry the municipality (slug) and this row's id as
--     hard-coded claims. What it may call (scopes: 'public-read', 'submission'), whether it is
--     enabled and its own rate limit (requests per minute; null = the installation's default)
--     live here, so the API checks them on every request and a change counts at once on every
--     node. The secret lives only in Keycloak: shown to the admin once, never stored here.

-- Tables with forced row-level security bind the schema owner too: act as the platform.
select set_config('rathaus.scope', 'platform', true);

create table api_client (
    id                uuid          primary key,
    municipality_id   uuid          not null references municipality (id),
    client_id         varchar(120)  not null unique,
    name              varchar(120)  not null,
    scopes            varchar(200)  not null,
    redirect_uris     varchar(2000),
    rate_per_minute   integer,
    enabled           boolean       not null default true,
    created_at        timestamptz   not null default now(),
    changed_at        timestamptz   not null default now(),
    changed_by        varchar(255)  not null,
    secret_issued_at  timestamptz   not null default now(),
    constraint api_client_rate_ck check (rate_per_minute is null or rate_per_minute between 1 and 100000),
    constraint api_client_scopes_ck check (scopes ~ '^(public-read|submission)(,(public-read|submission))*$')
);

create index api_client_municipality_idx on api_client (municipality_id, created_at);

-- Row-level security: the municipality's staff (the admin's page) and the platform (the API's
-- gate looks a token's client up in the platform scope).
alter table api_client enable row level security;
alter table api_client force row level security;
create policy api_client_tenant on api_client
    using (rathaus_scope() = 'platform' or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()))
    with check (rathaus_scope() = 'platform' or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()));

grant select, insert, update, delete on api_client to ${appRole};
