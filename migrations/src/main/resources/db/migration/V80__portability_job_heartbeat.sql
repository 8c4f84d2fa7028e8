-- Issue 15 follow-up: a portability job whose node died stayed "running" forever. The node that
-- runs a job now writes its name and a heartbeat (every 30 s while the job runs, and with each
-- table); a waiting or running job whose heartbeat is older than two minutes is shown as
-- interrupted and the platform admin may start it again (eu.rathaus.portability.application.
-- PortabilityJobs#restart). To run it again the job keeps the other installation's PUBLIC
-- portability keys (JWK set: the export's target, the import's source; never a private key).

alter table portability_job
    add column node         text,
    add column heartbeat_at timestamptz,
    add column peer_keys    text;
