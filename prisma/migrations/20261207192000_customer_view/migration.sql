-- AlterTable
ALTER TABLE "orders" ADD COLUMN     "tracking_token" VARCHAR(32) NOT NULL DEFAULT rtrim(translate(encode(SUBSTRING(sha256((uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()))) FROM 1 FOR 16), 'base64'::text), '+/'::text, '-_'::text), '='::text);

-- CreateTable
CREATE TABLE "board_screens" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(6),

    CONSTRAINT "board_screens_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "idx_board_screens_token" ON "board_screens"("token_hash");

-- CreateIndex
CREATE INDEX "idx_board_screens_tenant" ON "board_screens"("tenant_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "idx_orders_tracking_token" ON "orders"("tracking_token");

-- AddForeignKey
ALTER TABLE "board_screens" ADD CONSTRAINT "board_screens_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
