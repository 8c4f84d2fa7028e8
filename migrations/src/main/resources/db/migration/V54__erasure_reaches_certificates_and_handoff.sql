-- Rathaus schema, version 54 (issue 15, after the register of issue 13 and the hand-off of issue 14
-- landed next to it): the erasure engine's scope 'retention' also reaches what those two keep of an
-- application. The certificate of residence's PDF carries the person's name, birth date and address;
-- the sealed submission carries her answers and files (readable only by its destination, but hers all
-- the same). The certificate row itself stays without them, so /verify still says that a
-- certificate with this code was issued, when and by whom; the submission row stays as the record
-- of the hand-off (status, times, reference).
create policy resident_certificate_retention on resident_certificate
    using (rathaus_scope() = 'retention') with check (rathaus_scope() = 'retention');
create policy handoff_submission_retention on handoff_submission
    using (rathaus_scope() = 'retention') with check (rathaus_scope() = 'retention');

grant update (holder_subject, pdf) on resident_certificate to ${appRole};
