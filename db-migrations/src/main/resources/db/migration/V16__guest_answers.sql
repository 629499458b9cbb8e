-- Guests' answers to the calls of a task's steps: a step that waits for an answer holds no thread and no transaction,
-- runs again once the answer is in, and any task manager finds it there, also after a restart.
create table guest_answers (
    id           uuid          primary key,
    task_id      varchar(64),
    node_id      uuid          not null,
    answered_at  timestamptz   not null,
    ok           boolean       not null,
    result       text,
    error        varchar(2048)
);
create index guest_answers_age on guest_answers (answered_at);

-- Each run of a step that ends (done or waiting) starts a new round; the calls of one round are asked once and their
-- answers kept, those of the next are asked afresh (a step that polls a guest sees new answers).
alter table tasks add column step_round integer not null default 0;
