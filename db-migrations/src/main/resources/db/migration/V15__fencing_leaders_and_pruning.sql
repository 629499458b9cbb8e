-- Fencing: every grant of a task's lease takes a new epoch from one sequence, so epochs only grow, across all tasks,
-- and a guest can compare the epochs of the calls it gets. A task manager writes only while its epoch is current.
create sequence task_lease_epochs;
alter table tasks add column lease_epoch bigint not null default 0;

-- Finished tasks are pruned once their retention is over; processed message ids once past redelivery.
create index tasks_finished on tasks (finished_at) where state in ('COMPLETED', 'FAILED');
create index processed_messages_age on processed_messages (processed_at);

-- Spring Integration's JdbcLockRegistry (its schema-postgresql.sql): one leader per service among its processes.
create table int_lock (
    lock_key       char(36)      not null,
    region         varchar(100)  not null,
    client_id      char(36),
    created_date   timestamp     not null,
    expired_after  timestamp     not null,
    constraint int_lock_pk primary key (lock_key, region)
);
