-- An operation can be cancelled: the api records the request, and the task manager takes it at the task's next safe
-- point (between steps, or while a step waits), undoes what the task added as a step of its own and ends it
-- CANCELLED. A step past the workflow's point of no return is not cancellable: the plan says which are.
alter table tasks drop constraint tasks_state_check;
alter table tasks add constraint tasks_state_check
    check (state in ('PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED'));
alter table tasks add column cancel_requested_at timestamptz;
alter table tasks add column cancelling boolean not null default false;

drop index tasks_finished;
create index tasks_finished on tasks (finished_at) where state in ('COMPLETED', 'FAILED', 'CANCELLED');

alter table operation_steps add column cancellable boolean not null default false;
alter table operation_steps drop constraint operation_steps_state_check;
alter table operation_steps add constraint operation_steps_state_check
    check (state in ('PENDING', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED'));
