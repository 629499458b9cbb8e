-- Trove's databases and users of a MySQL instance, as Shoal was asked for them: names, host and grants, never a
-- password (that travels to the guest sealed, in the task's parameters only). A row is CREATING until the guest
-- applied it, ACTIVE then, and DELETING until the guest dropped it, when the row goes.
create table instance_databases (
    id             uuid         primary key,
    instance_id    uuid         not null references instances (id),
    name           varchar(64)  not null,
    character_set  varchar(32)  not null,
    collation_name varchar(64)  not null,
    state          varchar(16)  not null check (state in ('CREATING', 'ACTIVE', 'DELETING')),
    created        timestamptz  not null,
    unique (instance_id, name)
);

create table instance_users (
    id           uuid         primary key,
    instance_id  uuid         not null references instances (id),
    name         varchar(32)  not null,
    host         varchar(60)  not null,
    state        varchar(16)  not null check (state in ('CREATING', 'ACTIVE', 'DELETING')),
    created      timestamptz  not null,
    unique (instance_id, name, host)
);

-- the databases a user was granted (all privileges on each, as Trove grants them)
create table instance_user_grants (
    user_id        uuid         not null references instance_users (id) on delete cascade,
    database_name  varchar(64)  not null,
    primary key (user_id, database_name)
);
