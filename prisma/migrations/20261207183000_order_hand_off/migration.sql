-- Statuses after READY. DELIVERING is renamed in place, so rows already out keep their meaning.
ALTER TYPE "OrderStatus" RENAME VALUE 'DELIVERING' TO 'OUT_FOR_DELIVERY';
ALTER TYPE "OrderStatus" ADD VALUE 'PICKED_UP' BEFORE 'OUT_FOR_DELIVERY';
ALTER TYPE "OrderStatus" ADD VALUE 'SERVED' BEFORE 'OUT_FOR_DELIVERY';
ALTER TYPE "OrderStatus" ADD VALUE 'DELIVERY_FAILED' BEFORE 'CANCELLED';

-- CreateEnum
CREATE TYPE "OrderFulfillment" AS ENUM ('TAKEAWAY', 'DINE_IN', 'DELIVERY');

-- AlterTable
ALTER TABLE "orders" ADD COLUMN     "closed_at" TIMESTAMPTZ(6),
ADD COLUMN     "failure_reason" TEXT,
ADD COLUMN     "fulfillment" "OrderFulfillment" NOT NULL DEFAULT 'TAKEAWAY',
ADD COLUMN     "handed_off_at" TIMESTAMPTZ(6);

-- Orders with an address were always meant for delivery.
UPDATE "orders" SET "fulfillment" = 'DELIVERY' WHERE "customer_address" IS NOT NULL AND btrim("customer_address") <> '';
