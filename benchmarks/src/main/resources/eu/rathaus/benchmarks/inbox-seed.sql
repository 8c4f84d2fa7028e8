-- Seeds ${cases} case records (with their applications and services) into the two demo
-- municipalities for the inbox benchmark. Runs as superuser in one transaction, entirely inside
-- PostgreSQL (generate_series), so a million rows take minutes, not hours of JDBC round trips.
--
-- Distributions, chosen to resemble a city's back office after three years:
--   * 70 % Musterstadt, 30 % Beispielheim; six services, two of them much more frequent;
--   * submitted uniformly over the last 1095 days;
--   * cases younger than 45 days are mostly open (submitted 30 %, in review 40 %, waiting 15 %),
--     older ones mostly decided or closed, 4 % are still open (stuck: these are the overdue ones);
--   * 40 clerks per municipality, skewed (clerk 1 holds ~8 %); fresh submissions mostly unassigned;
--   * 300,000 citizens, names from 40 first and 40 family names.
select setseed(0.42);

create temporary table bench_service (n int, k int, municipality_id uuid, definition_id uuid, version_id uuid,
    days int, title_de text, title_en text) on commit drop;
insert into bench_service
select m.n, s.k, m.id, md5('bench-def-' || m.n || '-' || s.k)::uuid, md5('bench-ver-' || m.n || '-' || s.k)::uuid,
       s.days, s.title_de, s.title_en
  from (values ('7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001'::uuid, 1),
               ('7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0002'::uuid, 2)) m(id, n)
 cross join (values (1, 'Meldebescheinigung', 'Certificate of residence', 7),
                    (2, 'Anwohnerparkausweis', 'Resident parking permit', 14),
                    (3, 'Hundesteuer-Anmeldung', 'Dog tax registration', 30),
                    (4, 'Gewerbeanmeldung', 'Business registration', 21),
                    (5, 'Sondernutzungserlaubnis', 'Special use permit', 60),
                    (6, 'Bauvoranfrage', 'Preliminary building enquiry', 90)) s(k, title_de, title_en, days);

insert into service_definition (id, municipality_id, service_key, category, title_de, title_en, description_de,
                                status, current_version_id)
select definition_id, municipality_id, 'bench-' || k, 'Benchmark', title_de, title_en, 'Benchmark', 'ACTIVE', version_id
  from bench_service;
insert into service_version (id, definition_id, municipality_id, version_number, status, form, fee_rule, required_loa,
                             processing_days, published_at)
select version_id, definition_id, municipality_id, 1, 'PUBLISHED', '{}'::jsonb, '{}'::jsonb, 'LOW', days,
       now() - interval '4 years'
  from bench_service;

create temporary table bench_case on commit drop as
select i,
       md5('bench-case-' || i)::uuid as case_id,
       md5('bench-app-' || i)::uuid as application_id,
       case when i % 10 < 7 then 1 else 2 end as n,
       (array[1, 1, 1, 2, 2, 2, 3, 4, 5, 6])[1 + (i * 31) % 10] as k,
       now() - random() * interval '1095 days' as submitted_at,
       random() as u,
       1 + floor(power(random(), 1.5) * 40)::int as clerk,
       random() as a,
       i % 300000 as citizen
  from generate_series(1, ${cases}) i;

create temporary table bench_row on commit drop as
select b.*, s.municipality_id, s.definition_id, s.version_id, s.days,
       case when b.submitted_at > now() - interval '45 days' then
                case when u < 0.30 then 'SUBMITTED' when u < 0.70 then 'IN_REVIEW'
                     when u < 0.85 then 'WAITING_FOR_CITIZEN' when u < 0.93 then 'APPROVED'
                     when u < 0.96 then 'REJECTED' else 'WITHDRAWN' end
            else
                case when u < 0.01 then 'SUBMITTED' when u < 0.03 then 'IN_REVIEW'
                     when u < 0.04 then 'WAITING_FOR_CITIZEN' when u < 0.20 then 'APPROVED'
                     when u < 0.26 then 'REJECTED' when u < 0.30 then 'WITHDRAWN' else 'CLOSED' end
       end as status,
       (array['Anna','Ben','Clara','David','Emma','Felix','Greta','Hannes','Ida','Jonas','Katharina','Lukas',
              'Marie','Noah','Olga','Paul','Quirin','Rosa','Stefan','Tina','Ulrich','Vera','Wilhelm','Xenia',
              'Yusuf','Zoe','Erika','Max','Fatma','Mehmet','Sofia','Leon','Hanna','Elias','Mia','Finn','Lea',
              'Jakob','Lina','Karl'])[1 + citizen % 40]
       || ' ' ||
       (array['Mustermann','Müller','Schmidt','Schneider','Fischer','Weber','Meyer','Wagner','Becker','Schulz',
              'Hoffmann','Schäfer','Koch','Bauer','Richter','Klein','Wolf','Schröder','Neumann','Schwarz',
              'Zimmermann','Braun','Krüger','Hofmann','Hartmann','Lange','Schmitt','Werner','Schmitz','Krause',
              'Meier','Lehmann','Yilmaz','Kaya','Nowak','Kowalski','Huber','Kaiser','Fuchs','Peters'])[1 + (citizen / 40) % 40]
       as applicant_name
  from bench_case b
  join bench_service s on s.n = b.n and s.k = b.k;

insert into case_application (id, reference_number, municipality_id, definition_id, version_id, applicant_subject,
                              answers, fee_cents, submitted_at, idempotency_key)
select application_id,
       case n when 1 then 'MUS' else 'BSP' end || '-' || to_char(submitted_at at time zone 'Europe/Berlin', 'YYYY')
           || '-' || lpad((i - 1)::text, 6, '0'),
       municipality_id, definition_id, version_id, md5('citizen-' || citizen)::uuid::text,
       '{}'::jsonb, 0, submitted_at, 'bench-' || lpad(i::text, 12, '0')
  from bench_row;

insert into case_record (id, application_id, municipality_id, applicant_subject, status, due_date, created_at,
                         definition_id, reference_number, applicant_name, submitted_at, processing_days,
                         assignee_subject, assignee_name, waiting_since, decided_at, changed_at)
select case_id, application_id, municipality_id, md5('citizen-' || citizen)::uuid::text, status,
       (submitted_at at time zone 'Europe/Berlin')::date + days, submitted_at,
       definition_id,
       case n when 1 then 'MUS' else 'BSP' end || '-' || to_char(submitted_at at time zone 'Europe/Berlin', 'YYYY')
           || '-' || lpad((i - 1)::text, 6, '0'),
       applicant_name, submitted_at, days,
       case when status = 'SUBMITTED' and a < 0.8 then null
            when status = 'WITHDRAWN' and a < 0.5 then null
            else md5('clerk-' || n || '-' || clerk)::uuid::text end,
       case when status = 'SUBMITTED' and a < 0.8 then null
            when status = 'WITHDRAWN' and a < 0.5 then null
            else 'Sachbearbeitung ' || clerk end,
       case when status = 'WAITING_FOR_CITIZEN' then least(now(), submitted_at + interval '3 days') end,
       case when status in ('APPROVED', 'REJECTED', 'CLOSED') then submitted_at + days * interval '1 day' end,
       least(now(), submitted_at + interval '1 day')
  from bench_row;
