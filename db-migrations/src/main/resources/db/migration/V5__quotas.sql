-- A tenant's own quota limits; null takes the service's default (shoal.api.quota.*), -1 is unlimited.
alter table tenants add column max_instances integer check (max_instances >= -1);
alter table tenants add column max_volumes integer check (max_volumes >= -1);
