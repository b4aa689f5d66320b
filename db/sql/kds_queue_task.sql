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
