-- QUEUED -> IN_PROGRESS if the task's station has a free slot. The station row lock queues
-- concurrent starts at one station, so the count of tasks in progress is true when compared.
CREATE OR REPLACE FUNCTION kds_start_task(p_tenant uuid, p_task uuid, p_user uuid, p_now timestamptz)
RETURNS SETOF task_instances
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_station uuid;
  v_capacity int;
BEGIN
  SELECT s.id, s.capacity INTO v_station, v_capacity
  FROM task_instances t JOIN stations s ON s.id = t.station_id AND s.tenant_id = t.tenant_id
  WHERE t.id = p_task AND t.tenant_id = p_tenant AND t.status = 'QUEUED'
  FOR UPDATE OF s;
  IF NOT FOUND THEN RETURN; END IF;

  RETURN QUERY
  UPDATE task_instances t SET status = 'IN_PROGRESS', started_at = p_now, assigned_to = p_user, updated_at = now()
  WHERE t.id = p_task AND t.tenant_id = p_tenant AND t.status = 'QUEUED' AND t.station_id = v_station
    AND (SELECT count(*) FROM task_instances b
         WHERE b.tenant_id = p_tenant AND b.station_id = v_station AND b.status = 'IN_PROGRESS') < v_capacity
  RETURNING t.*;
END $$;
