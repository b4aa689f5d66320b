// What is still the kitchen's work, by status: the statuses it shares across workers, the API and
// the bench, kept in one place so "open" means the same everywhere.

/** A task neither DONE nor CANCELLED. */
export const OPEN_TASK_STATUSES = ['PENDING', 'QUEUED', 'IN_PROGRESS', 'BLOCKED'] as const;
/** An order item not DONE nor CANCELLED. */
export const OPEN_ITEM_STATUSES = ['PENDING', 'IN_PROGRESS'] as const;
/** An order still in the kitchen (not READY or past it, nor CANCELLED). */
export const OPEN_ORDER_STATUSES = ['NEW', 'PREPARING'] as const;
