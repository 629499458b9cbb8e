-- A task whose step failed undoes what it did as a step of its own: it asks guests and the compute driver and waits
-- for their answers holding no transaction, and a task manager that dies meanwhile leaves the undo to the next one.
alter table tasks add column undoing boolean not null default false;
alter table tasks add column undo_error_task varchar(64);
