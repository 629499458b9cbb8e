-- Each task is shown to clients as an operation: the task manager keeps its planned steps here with their state,
-- times and message, written in the same fenced transactions as the task row, so a stale task manager writes none.
create table operation_steps (
    id           uuid           primary key,
    task_id      uuid           not null references tasks (id) on delete cascade,
    position     integer        not null,
    name         varchar(64)    not null,
    description  varchar(1024),
    state        varchar(16)    not null check (state in ('PENDING', 'RUNNING', 'DONE', 'FAILED')),
    started      timestamptz,
    finished     timestamptz,
    message      varchar(2048),
    unique (task_id, name)
);

-- When a task manager first took the task up, and who asked for it (a token's name, or 'shoal' for its own work).
alter table tasks add column started timestamptz;
alter table tasks add column requested_by varchar(255);
-- A task manager claims a task as soon as the api has written it: for tasks already taken up, creation is the
-- closest known start, and it keeps the runner from planning steps for a task that is past its first.
update tasks set started = created where state <> 'PENDING';

-- A tenant's operations, listed in keyset pages ordered by (created, id).
create index tasks_tenant_page on tasks (tenant_id, created, id);
