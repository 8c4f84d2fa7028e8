-- Issue 15, leave with your data: the platform admin's page runs exports, imports and erasures of
-- a municipality in the background (eu.rathaus.portability.application.PortabilityJobs); each run
-- is a row here with its progress and result. A platform table: no municipality_id (the
-- municipality's own export must not contain, and its erasure must not delete, the record of its
-- leaving), the slug names whom a job concerns. Classified in TenantTables.PLATFORM_TABLES.

create table portability_job (
    id             uuid          primary key,
    kind           varchar(10)   not null constraint portability_job_kind check (kind in ('EXPORT', 'IMPORT', 'ERASE')),
    slug           text,
    status         varchar(10)   not null constraint portability_job_status
                                 check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    tables_done    integer       not null default 0,
    tables_total   integer       not null default 0,
    -- What came out, in the operator's words (row counts, or the refusal's message).
    result         text,
    -- The archive on the node that ran the job (an export's output, an import's upload), by file name
    -- inside the portability directory; its SHA-256 for the record.
    archive_file   text,
    archive_sha256 text,
    -- For an erasure: the export job whose archive proved the municipality had left.
    export_job     uuid          references portability_job (id),
    requested_by   text          not null,
    requested_at   timestamptz   not null,
    finished_at    timestamptz
);
create index portability_job_requested_idx on portability_job (requested_at desc);

-- Platform only: no municipality's staff, no citizen sees or writes a job.
alter table portability_job enable row level security;
alter table portability_job force row level security;
create policy portability_job_platform on portability_job
    using (rathaus_scope() = 'platform')
    with check (rathaus_scope() = 'platform');
grant select, insert, update on portability_job to ${appRole};
