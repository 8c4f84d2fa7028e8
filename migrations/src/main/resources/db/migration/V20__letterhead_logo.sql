-- Rathaus schema, version 20 (issue 18): the letterhead's logo. Columns on the letterhead row rather
-- than a table of their own: the logo belongs to the letterhead and is printed with it, and V18's
-- policies (staff write only their own municipality's row, the platform any) then cover it too.
-- Issued notices are stored PDFs (V11): a new or removed logo changes only notices issued later.
alter table municipality_letterhead
    add column logo      bytea,
    add column logo_type varchar(20),
    add constraint municipality_letterhead_logo_type
        check (logo_type in ('image/png', 'image/jpeg')),
    -- The portal refuses more than 512 KB; the database holds the same line if it forgets.
    add constraint municipality_letterhead_logo_size
        check (octet_length(logo) <= 524288),
    add constraint municipality_letterhead_logo_complete
        check ((logo is null) = (logo_type is null));
