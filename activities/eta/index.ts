import { createEtaActivities, type EtaRuns } from '../../core/eta/eta-runs';
import { createOrderForecastActivities } from '../../core/eta/order-forecast';
import type { ActivityDeps } from '../../core/kitchen/deps';
import { withActivityFailures } from '../app-failure';

/** ETA recalculation and late checks, answered from the process's ETA runs. */
export function createEtaActivityFunctions(deps: ActivityDeps, runs: EtaRuns) {
  return withActivityFailures({ ...createEtaActivities(deps, runs), ...createOrderForecastActivities(runs) });
}
