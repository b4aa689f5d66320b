import { SQL_PLUGIN, type PostgresTarget } from './sql-schema';

export type ServerPorts = {
  frontend: number;
  frontendMembership: number;
  history: number;
  historyMembership: number;
  matching: number;
  matchingMembership: number;
  worker: number;
  workerMembership: number;
};

export type SqlServerConfigOptions = {
  postgres: PostgresTarget;
  databases: { temporal: string; visibility: string };
  ports: ServerPorts;
  /** Fixed for the life of a cluster: the store cannot be resharded. */
  numHistoryShards: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
};

const HOST = '127.0.0.1';

/**
 * The server's static config (config/development.yaml under its --root), after the server's own
 * config/development-postgres12.yaml, reduced to what a single loopback node needs: no metrics
 * or pprof listeners, no archival, no dynamic config file (the defaults suit this load).
 */
export function sqlServerConfig(opts: SqlServerConfigOptions): Record<string, unknown> {
  const { postgres, databases, ports } = opts;
  const store = (databaseName: string, maxConns: number) => ({
    sql: {
      pluginName: SQL_PLUGIN,
      databaseName,
      connectAddr: `${postgres.host}:${postgres.port}`,
      connectProtocol: 'tcp',
      user: postgres.user,
      password: postgres.password,
      maxConns,
      maxIdleConns: maxConns,
      maxConnLifetime: '1h',
    },
  });
  const service = (grpcPort: number, membershipPort: number) => ({ rpc: { grpcPort, membershipPort, bindOnIP: HOST } });
  return {
    log: { stdout: true, level: opts.logLevel },
    persistence: {
      defaultStore: 'postgres-default',
      visibilityStore: 'postgres-visibility',
      numHistoryShards: opts.numHistoryShards,
      datastores: { 'postgres-default': store(databases.temporal, 20), 'postgres-visibility': store(databases.visibility, 4) },
    },
    global: { membership: { maxJoinDuration: '30s', broadcastAddress: HOST } },
    services: {
      frontend: service(ports.frontend, ports.frontendMembership),
      history: service(ports.history, ports.historyMembership),
      matching: service(ports.matching, ports.matchingMembership),
      worker: service(ports.worker, ports.workerMembership),
    },
    clusterMetadata: {
      enableGlobalNamespace: false,
      failoverVersionIncrement: 10,
      masterClusterName: 'active',
      currentClusterName: 'active',
      clusterInformation: { active: { enabled: true, initialFailoverVersion: 1, rpcName: 'frontend', rpcAddress: `${HOST}:${ports.frontend}` } },
    },
    dcRedirectionPolicy: { policy: 'noop' },
  };
}
