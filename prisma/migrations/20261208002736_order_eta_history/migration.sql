-- AlterTable
ALTER TABLE "orders" ADD COLUMN     "promise_range_basis" VARCHAR(10),
ADD COLUMN     "promise_range_from" TIMESTAMPTZ(6),
ADD COLUMN     "promise_range_to" TIMESTAMPTZ(6);

-- CreateTable
CREATE TABLE "order_eta_changes" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "estimated_ready_at" TIMESTAMPTZ(6) NOT NULL,
    "reason" VARCHAR(60) NOT NULL,
    "computed_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "order_eta_changes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "idx_order_eta_changes_order" ON "order_eta_changes"("order_id", "computed_at");

-- CreateIndex
CREATE INDEX "order_eta_changes_tenant_id_idx" ON "order_eta_changes"("tenant_id");

-- AddForeignKey
ALTER TABLE "order_eta_changes" ADD CONSTRAINT "order_eta_changes_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_eta_changes" ADD CONSTRAINT "order_eta_changes_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;
