-- Every write to a task, order item or order row records the id of the transaction that made it,
-- so the ETA run can read only the rows changed since its previous read instead of the tenant's
-- whole open kitchen (activities/kitchen-mirror.ts). A row is stamped on insert by the default
-- and on every update by the trigger, whichever statement or function writes it. xid8 never wraps.
CREATE FUNCTION brigade_stamp_changed_xid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.changed_xid := pg_current_xact_id();
  RETURN NEW;
END
$$;

ALTER TABLE "task_instances" ADD COLUMN "changed_xid" xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE TRIGGER "task_instances_changed_xid" BEFORE UPDATE ON "task_instances"
  FOR EACH ROW EXECUTE FUNCTION brigade_stamp_changed_xid();
CREATE INDEX "idx_tasks_changed" ON "task_instances"("tenant_id", "changed_xid");

ALTER TABLE "order_items" ADD COLUMN "changed_xid" xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE TRIGGER "order_items_changed_xid" BEFORE UPDATE ON "order_items"
  FOR EACH ROW EXECUTE FUNCTION brigade_stamp_changed_xid();
CREATE INDEX "idx_order_items_changed" ON "order_items"("tenant_id", "changed_xid");

ALTER TABLE "orders" ADD COLUMN "changed_xid" xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE TRIGGER "orders_changed_xid" BEFORE UPDATE ON "orders"
  FOR EACH ROW EXECUTE FUNCTION brigade_stamp_changed_xid();
CREATE INDEX "idx_orders_changed" ON "orders"("tenant_id", "changed_xid");
