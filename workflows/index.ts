// The worker bundles this file: workflow functions only. Messages are imported from their workflow's file.
export { orderWorkflow } from './order-workflow';
export { itemWorkflow } from './item-workflow';
export { platformOrderWorkflow } from './platform-order-workflow';
export { platformMenuSyncWorkflow } from './platform-menu-sync-workflow';
export { platformAvailabilityWorkflow } from './platform-availability-workflow';
export { platformReconcileWorkflow } from './platform-reconcile-workflow';
export { platformStoreStatusWorkflow } from './platform-store-status-workflow';
