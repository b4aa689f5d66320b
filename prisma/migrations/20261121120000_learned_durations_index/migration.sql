-- The learned averages read the last 100 durations per recipe task (and per recipe task and
-- station) by walking these indexes newest first, instead of reading and ranking a recipe's
-- whole history on every ETA run. The first replaces idx_durations_lookup (same prefix).
DROP INDEX IF EXISTS "idx_durations_lookup";
CREATE INDEX "idx_durations_recent" ON "task_durations"("tenant_id", "workflow_template_id", "task_def_id", "recorded_at" DESC, "id");
CREATE INDEX "idx_durations_recent_station" ON "task_durations"("tenant_id", "workflow_template_id", "task_def_id", "station_id", "recorded_at" DESC, "id");
