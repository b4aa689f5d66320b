-- AlterTable
ALTER TABLE "task_instances" ADD COLUMN     "added_minutes" DECIMAL(6,1) NOT NULL DEFAULT 0;
