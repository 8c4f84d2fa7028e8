-- Issue 5, the secure mailbox between citizens and their authority. Needs V2 (scope functions),
-- V6 (case_record, notification_outbox) and V7 (attachment).
--
-- A thread belongs to one citizen and one municipality: either the thread of a case (at most one
-- per case, started by the authority) or a general one a citizen starts. The citizen's subject is
-- copied onto every message so row-level security needs no join.

create table mailbox_thread (
    id                 uuid          primary key,
    municipality_id    uuid          not null references municipality (id),
    case_id            uuid          references case_record (id),
    citizen_subject    varchar(255)  not null,
    -- Where "you have a new message" goes: the address of the citizen's latest sign-in that used
    -- the thread, or the one their application's confirmation went to. Never shown to staff.
    citizen_email      varchar(254),
    title              varchar(200)  not null,
    created_at         timestamptz   not null,
    last_message_at    timestamptz   not null,
    constraint mailbox_thread_case_uk unique (case_id),
    constraint mailbox_thread_title_ck check (btrim(title) <> '')
);

create index mailbox_thread_citizen_idx on mailbox_thread (citizen_subject, last_message_at desc);
create index mailbox_thread_general_idx on mailbox_thread (municipality_id, last_message_at desc)
    where case_id is null;

-- read_at: when the receiving side first opened the message. For a staff message that is the
-- citizen's read receipt (proof of delivery the authority sees); for a citizen's message, the first
-- time anyone of the municipality's staff opened the thread. Null = unread for the receiving side.
create table mailbox_message (
    id                 uuid          primary key,
    thread_id          uuid          not null references mailbox_thread (id),
    municipality_id    uuid          not null references municipality (id),
    citizen_subject    varchar(255)  not null,
    author_kind        varchar(10)   not null,
    author_subject     varchar(255)  not null,
    author_name        varchar(200)  not null,
    body               text          not null,
    created_at         timestamptz   not null,
    read_at            timestamptz,
    constraint mailbox_message_author_ck check (author_kind in ('CITIZEN', 'STAFF')),
    constraint mailbox_message_body_ck check (char_length(body) <= 10000 and btrim(body, E' \t\r\n') <> '')
);

create index mailbox_message_thread_idx on mailbox_message (thread_id, created_at);
create index mailbox_message_unread_idx on mailbox_message (thread_id) where read_at is null;

-- Message files reuse the attachment store (type check, scan, per-municipality encryption).
alter table attachment add column message_id uuid references mailbox_message (id);
create index attachment_message_idx on attachment (message_id) where message_id is not null;

-- Row-level security: staff see their municipality's threads, a citizen only their own; nobody
-- else, not even the platform scope (operators read no citizen's correspondence).
alter table mailbox_thread enable row level security;
alter table mailbox_thread force row level security;
create policy mailbox_thread_staff on mailbox_thread
    using (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality())
    with check (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality());
create policy mailbox_thread_citizen on mailbox_thread
    using (rathaus_scope() = 'citizen' and citizen_subject = rathaus_subject())
    with check (rathaus_scope() = 'citizen' and citizen_subject = rathaus_subject());

alter table mailbox_message enable row level security;
alter table mailbox_message force row level security;
create policy mailbox_message_staff on mailbox_message
    using (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality())
    with check (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality());
create policy mailbox_message_citizen on mailbox_message
    using (rathaus_scope() = 'citizen' and citizen_subject = rathaus_subject())
    with check (rathaus_scope() = 'citizen' and citizen_subject = rathaus_subject());

-- A citizen reads the files staff attached to messages in their own threads (V7 lets them read
-- only files they uploaded themselves).
create policy attachment_mailbox_citizen on attachment for select
    using (rathaus_scope() = 'citizen' and message_id is not null
           and exists (select 1 from mailbox_message m
                       where m.id = attachment.message_id and m.citizen_subject = rathaus_subject()));

-- Messages are never edited or deleted; only their read time and the thread's bookkeeping change.
grant select, insert on mailbox_thread to ${appRole};
grant update (citizen_email, last_message_at) on mailbox_thread to ${appRole};
grant select, insert on mailbox_message to ${appRole};
grant update (read_at) on mailbox_message to ${appRole};
