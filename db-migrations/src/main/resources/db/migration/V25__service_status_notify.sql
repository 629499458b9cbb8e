-- A step waiting for a node's datastore wakes the moment the node's status changes, whichever process wrote it (a
-- conductor applying a heartbeat or a report, the expiry sweep): the notification leaves with the commit, so a task
-- manager listening on the channel reads the new status at once. Heartbeats that change nothing notify nobody.
create function notify_service_status_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('shoal_service_status', new.node_id::text);
    return null;
end
$$;

create trigger service_status_inserted after insert on service_statuses
    for each row execute function notify_service_status_changed();

create trigger service_status_changed after update of status on service_statuses
    for each row when (old.status is distinct from new.status) execute function notify_service_status_changed();
