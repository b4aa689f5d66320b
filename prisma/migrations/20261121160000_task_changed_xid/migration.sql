-- Every write to a task row records the id of the transaction that made it, so the ETA run can
-- read only the rows changed since its previous read instead of every open task of the tenant
-- (activities/kitchen-state.ts). A row is stamped on insert by the default and on every update
-- by the trigger, whichever statement or function writes it. xid8 never wraps around.
ALTER TABLE "task_instances" ADD COLUMN "changed_xid" xid8 NOT NULL DEFAULT pg_current_xact_id();

CREATE FUNCTION brigade_stamp_changed_xid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.changed_xid := pg_current_xact_id();
  RETURN NEW;
END
$$;

CREATE TRIGGER "task_instances_changed_xid" BEFORE UPDATE ON "task_instances"
  FOR EACH ROW EXECUTE FUNCTION brigade_stamp_changed_xid();

CREATE INDEX "idx_tasks_changed" ON "task_instances"("tenant_id", "changed_xid");
