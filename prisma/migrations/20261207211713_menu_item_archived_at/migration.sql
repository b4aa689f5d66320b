-- Archiving a dish (issue 19): when it left the menu. Dishes soft-deleted before this migration
-- were archived then; the CHECK keeps is_active (what the order, console and platform queries
-- filter on) and archived_at from ever disagreeing.
-- AlterTable
ALTER TABLE "menu_items" ADD COLUMN     "archived_at" TIMESTAMPTZ(6);

UPDATE "menu_items" SET "archived_at" = "updated_at" WHERE NOT "is_active";

ALTER TABLE "menu_items" ADD CONSTRAINT "menu_items_archived_matches_active" CHECK ("is_active" = ("archived_at" IS NULL));
