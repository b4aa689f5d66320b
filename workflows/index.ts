// The worker bundles this file: workflow functions only. Messages are imported from their workflow's file.
export { orderWorkflow } from './order-workflow';
export { itemWorkflow } from './item-workflow';
