-- Every write to a task, order item, order or shift row records the id of the transaction that made it,
-- so the ETA run can read only the rows changed since its previous read instead of the tenant's
-- whole open kitchen (core/kitchen-read/kitchen-mirror.ts). A row is stamped on insert by the
-- column default (changed_xid xid8 NOT NULL DEFAULT pg_current_xact_id(), in the migration) and
-- on every update by these triggers, whichever statement or function writes it. xid8 never wraps.
CREATE OR REPLACE FUNCTION brigade_stamp_changed_xid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.changed_xid := pg_current_xact_id();
  RETURN NEW;
END
$$;

CREATE OR REPLACE TRIGGER "task_instances_changed_xid" BEFORE UPDATE ON "task_instances"
  FOR EACH ROW EXECUTE FUNCTION brigade_stamp_changed_xid();

CREATE OR REPLACE TRIGGER "order_items_changed_xid" BEFORE UPDATE ON "order_items"
  FOR EACH ROW EXECUTE FUNCTION brigade_stamp_changed_xid();

CREATE OR REPLACE TRIGGER "orders_changed_xid" BEFORE UPDATE ON "orders"
  FOR EACH ROW EXECUTE FUNCTION brigade_stamp_changed_xid();

CREATE OR REPLACE TRIGGER "shifts_changed_xid" BEFORE UPDATE ON "shifts"
  FOR EACH ROW EXECUTE FUNCTION brigade_stamp_changed_xid();
