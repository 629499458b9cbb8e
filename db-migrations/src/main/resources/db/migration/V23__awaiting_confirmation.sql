-- A master whose server started again unasked refuses writes until the control plane confirms it still leads its
-- set; its guest says so in every heartbeat. Null from datastores without replication and from older guests.
alter table service_statuses add column awaiting_confirmation boolean;
