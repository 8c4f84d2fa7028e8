-- Rathaus schema, version 72 (issue 13, lost-property office): a file with the owner's proof.
--   * The owner may add one file to her proof on the claim page (a photo or PDF of a receipt, a
--     picture of the contents). It goes through the attachment pipeline (name, size, type from the
--     bytes, malware scan, encrypted under the municipality's key), is owned by her and belongs to
--     her loss report's application, so staff of the municipality read it like any file of the case
--     (audited), and retention and erasure treat it with the application. It is never public: no
--     policy shows it to the anonymous scope.
--   * The claim names the file (proof_attachment_id); the owner writes it together with her proof.

select set_config('rathaus.scope', 'platform', true);

alter table found_item_claim add column proof_attachment_id uuid references attachment (id);

grant update (proof_attachment_id) on found_item_claim to ${appRole};
