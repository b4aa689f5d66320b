import { builder } from '../builder';
// Each import registers its types, queries and mutations on the builder.
import './scalars';
import './root';
import './auth';
import './user';
import './user-access';
import './tenant';
import './station';
import './workflow-template';
import './menu-item';
import './modifier-group';
import './inventory-item';
import './audit-log';
import './task';
import './station-queue';
import './order';
import './order-timeline';
import './delivery';
import './eta';
import './kitchen-inventory';
import './analytics';
import './platform';
import './kitchen-settings';
import './board-screen';
import './shift';
import './what-if';

/** Built once per process; createYoga and scripts/print-schema.ts share it. */
export const schema = builder.toSchema();
