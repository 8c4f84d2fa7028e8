-- Rathaus schema, version 63 (issue 13, lost-property office): photos of found items.
--   * found_item_photo: a photo staff took of a found item. The bytes live in the attachment store
--     (type check, malware scan, per-file key); only a re-encoded copy without any metadata (EXIF,
--     GPS, XMP, comments) is ever stored. A photo is public only when staff say so (is_public,
--     default false): a photo may show a document or a face, which is staff's decision. Its alt
--     text is what a screen reader says instead of the picture.
--   * Anyone reads a public photo of an item that is still FOUND (the public search), nothing else;
--     the public page reads the photo's bytes in the anonymous scope ('public'), so the attachment
--     table gets a select policy for exactly those rows and that scope.

select set_config('rathaus.scope', 'platform', true);

create table found_item_photo (
    id               uuid          primary key,
    municipality_id  uuid          not null,
    found_item_id    uuid          not null,
    attachment_id    uuid          not null unique references attachment (id),
    is_public        boolean       not null default false,
    alt_text         varchar(300)  not null,
    created_by       varchar(255)  not null,
    created_at       timestamptz   not null default now(),
    foreign key (found_item_id, municipality_id) references found_item (id, municipality_id),
    constraint found_item_photo_alt_ck check (length(trim(alt_text)) > 0)
);

create index found_item_photo_item_idx on found_item_photo (found_item_id, created_at);

alter table found_item_photo enable row level security;
alter table found_item_photo force row level security;
create policy found_item_photo_tenant on found_item_photo
    using (rathaus_scope() = 'platform' or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()))
    with check (rathaus_scope() = 'platform' or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()));
-- Like the item itself (V42): a public photo of an item still in the office is for everyone.
create policy found_item_photo_public on found_item_photo for select
    using (is_public and exists (select 1 from found_item i
                                 where i.id = found_item_photo.found_item_id and i.status = 'FOUND'));

create policy attachment_found_item_public on attachment for select
    using (rathaus_scope() = 'public'
           and exists (select 1 from found_item_photo p
                       where p.attachment_id = attachment.id and p.is_public
                         and exists (select 1 from found_item i
                                     where i.id = p.found_item_id and i.status = 'FOUND')));

grant select, insert, update on found_item_photo to ${appRole};
