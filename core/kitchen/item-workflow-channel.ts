/**
 * PostgreSQL NOTIFY channel on which an item workflow's first activity announces the item's id
 * (materializeItemTasks): from then on the workflow exists and takes KDS actions. The API
 * listens (core/tasks/item-workflow-watch.ts). Internal: never relayed to clients.
 */
export const ITEM_WORKFLOW_CHANNEL = 'brigade_item_workflow_started';
