-- A station's pace (core/kitchen-read/learned-samples-sql.ts) reads its last durations of every dish, newest first.
-- CreateIndex
CREATE INDEX "idx_durations_station_recent" ON "task_durations"("tenant_id", "station_id", "recorded_at" DESC, "id");
