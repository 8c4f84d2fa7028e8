-- Rathaus schema, version 26 (issue 17): the municipality's video in Deutsche Gebärdensprache (DGS)
-- with its WebVTT captions, shown on its public sign-language page. Columns of municipality_profile
-- (public contact data, readable by everyone; V18's policies let staff write only their own row,
-- the platform any), like the letterhead logo on the letterhead (V20). Self-hosted: the portal
-- serves the bytes itself, no video platform sees the readers.
alter table municipality_profile
    add column sign_video       bytea,
    add column sign_video_type  varchar(20),
    add column sign_captions    text,
    add constraint municipality_profile_sign_video_type
        check (sign_video_type in ('video/mp4', 'video/webm')),
    -- The portal refuses more than 20 MB; the database holds the same line if it forgets.
    add constraint municipality_profile_sign_video_size
        check (octet_length(sign_video) <= 20971520),
    add constraint municipality_profile_sign_captions_size
        check (octet_length(sign_captions) <= 262144),
    -- A video is never shown without its captions (WCAG 1.2.2).
    add constraint municipality_profile_sign_video_complete
        check ((sign_video is null) = (sign_video_type is null)
               and (sign_video is null) = (sign_captions is null));
