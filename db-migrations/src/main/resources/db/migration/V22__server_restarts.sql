-- What a guest's supervision of its server counted: how often it started the server again after a crash, and when
-- it last crashed. Null for nodes whose guests do not tell.
alter table service_statuses add column restarts integer;
alter table service_statuses add column last_crash timestamptz;
