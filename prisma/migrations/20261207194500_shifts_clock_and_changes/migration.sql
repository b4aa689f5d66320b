-- Shifts (issue 20): when the user clocked in and out, and the changed_xid stamp, so the ETA's
-- mirror of the kitchen reads only the shifts written since its previous read, as it does for tasks.
-- The queue prefers a station with someone on shift over one whose shifts leave it unstaffed now.
-- AlterTable
ALTER TABLE "shifts" ADD COLUMN     "changed_xid" xid8 NOT NULL DEFAULT pg_current_xact_id(),
ADD COLUMN     "clocked_in_at" TIMESTAMPTZ(6),
ADD COLUMN     "clocked_out_at" TIMESTAMPTZ(6);

-- CreateIndex
CREATE INDEX "idx_shifts_changed" ON "shifts"("tenant_id", "changed_xid");

-- CreateIndex
CREATE INDEX "idx_shifts_station" ON "shifts"("tenant_id", "station_id", "ends_at");

-- db/sql/brigade_stamp_changed_xid.sql
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

-- db/sql/kds_queue_task.sql
-- PENDING/BLOCKED -> QUEUED at the least-loaded active station handling the task's type
-- (load = (queued + in progress) / capacity, ties by name), or -> BLOCKED when none does.
-- A station whose capacity follows its shifts and has nobody on shift now takes no new work
-- while a station of the type is staffed (the ETA's rule, domain/eta/staffing.ts: a shift counts
-- from its start or an earlier clock-in until its end or an earlier clock-out, while it and its
-- user are active; a station follows its shifts from the first one that ended less than 7 days
-- ago); when none is, the task still queues there, and waits for the next shift.
-- Releases of one station type are serialised per tenant, so "least loaded" sees the previous
-- choice instead of piling simultaneous releases onto one station.
CREATE OR REPLACE FUNCTION kds_queue_task(p_tenant uuid, p_task uuid, p_now timestamptz)
RETURNS SETOF task_instances
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_type text;
  v_station uuid;
BEGIN
  SELECT station_type INTO v_type FROM task_instances
  WHERE id = p_task AND tenant_id = p_tenant AND status IN ('PENDING', 'BLOCKED');
  IF NOT FOUND THEN RETURN; END IF;
  PERFORM pg_advisory_xact_lock(hashtext(p_tenant::text), hashtext(lower(v_type)));

  SELECT s.id INTO v_station
  FROM stations s
  LEFT JOIN task_instances q
    ON q.station_id = s.id AND q.tenant_id = s.tenant_id AND q.status IN ('QUEUED', 'IN_PROGRESS')
  WHERE s.tenant_id = p_tenant AND s.is_active
    AND EXISTS (SELECT 1 FROM unnest(s.task_types) AS tt WHERE lower(tt) = lower(v_type))
  GROUP BY s.id
  ORDER BY
    EXISTS (SELECT 1 FROM shifts sh JOIN users u ON u.id = sh.user_id AND u.tenant_id = sh.tenant_id AND u.is_active
            WHERE sh.tenant_id = p_tenant AND sh.station_id = s.id AND sh.ends_at > p_now - interval '7 days' AND sh.is_active
              AND LEAST(sh.starts_at, coalesce(sh.clocked_in_at, sh.starts_at)) <= p_now
              AND LEAST(sh.ends_at, coalesce(sh.clocked_out_at, sh.ends_at)) > p_now - interval '7 days')
    AND NOT EXISTS (SELECT 1 FROM shifts sh JOIN users u ON u.id = sh.user_id AND u.tenant_id = sh.tenant_id AND u.is_active
            WHERE sh.tenant_id = p_tenant AND sh.station_id = s.id AND sh.ends_at > p_now AND sh.is_active
              AND LEAST(sh.starts_at, coalesce(sh.clocked_in_at, sh.starts_at)) <= p_now
              AND LEAST(sh.ends_at, coalesce(sh.clocked_out_at, sh.ends_at)) > p_now),
    count(q.id)::float8 / GREATEST(s.capacity, 1), s.name
  LIMIT 1;

  RETURN QUERY
  UPDATE task_instances t SET
    status = (CASE WHEN v_station IS NULL THEN 'BLOCKED' ELSE 'QUEUED' END)::"TaskStatus",
    station_id = v_station,
    queued_at = CASE WHEN v_station IS NULL THEN t.queued_at ELSE p_now END,
    updated_at = now()
  WHERE t.id = p_task AND t.tenant_id = p_tenant AND t.status IN ('PENDING', 'BLOCKED')
  RETURNING t.*;
END $$;
