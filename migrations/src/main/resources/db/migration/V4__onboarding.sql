-- Onboarding of municipalities by platform admins: the municipality's mail domain and Keycloak
-- organization, and the progress of each onboarding so a retry continues where a failure stopped.

alter table municipality add column email_domain varchar(253);
alter table municipality add column organization_id varchar(64);
alter table municipality add constraint municipality_email_domain_ck
    check (email_domain is null or email_domain ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$');

update municipality set email_domain = 'musterstadt.de' where slug = 'musterstadt';
update municipality set email_domain = 'beispielheim.de' where slug = 'beispielheim';

create table municipality_onboarding (
    municipality_id     uuid         primary key references municipality (id),
    admin_email         varchar(254) not null,
    idp_discovery_url   varchar(500),
    admin_account_id    varchar(64),
    invitation_sent_at  timestamptz,
    completed_at        timestamptz,
    last_error          varchar(1000),
    updated_at          timestamptz  not null default now(),
    version             bigint       not null default 0
);

-- Platform data: only the platform scope reads or writes it.
alter table municipality_onboarding enable row level security;
create policy municipality_onboarding_platform on municipality_onboarding
    using (rathaus_scope() = 'platform')
    with check (rathaus_scope() = 'platform');

grant select, insert, update on municipality_onboarding to ${appRole};
