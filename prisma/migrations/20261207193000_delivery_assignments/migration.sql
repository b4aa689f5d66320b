-- AlterTable
ALTER TABLE "delivery_assignments" ADD COLUMN     "failed_at" TIMESTAMPTZ(6),
ADD COLUMN     "failure_reason" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "uq_delivery_order" ON "delivery_assignments"("order_id");

-- CreateIndex
CREATE INDEX "idx_delivery_delivered" ON "delivery_assignments"("tenant_id", "delivered_at" DESC);

-- Open delivery orders taken before deliveries were dispatched get their delivery now.
INSERT INTO "delivery_assignments" ("id", "tenant_id", "order_id", "status", "created_at")
SELECT gen_random_uuid(), o."tenant_id", o."id", 'pending', now()
FROM "orders" o
WHERE o."fulfillment" = 'DELIVERY' AND o."status" IN ('NEW', 'PREPARING', 'READY')
ON CONFLICT ("order_id") DO NOTHING;
