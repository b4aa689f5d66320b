import path from 'node:path';
import { z } from 'zod';

/**
 * The one configuration module. Every variable has a dev default so `npm start` works on a
 * fresh machine; in production (NODE_ENV=production) the secrets must be set explicitly.
 */
const ROOT = path.resolve(__dirname, '..');

const flag = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === 'true'));

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  /** Empty → an embedded PostgreSQL is started with its data in DATA_DIR/postgres. */
  DATABASE_URL: z.string().optional(),
  EMBEDDED_PG_PORT: z.coerce.number().int().default(54329),
  DATA_DIR: z.string().default(path.join(ROOT, '.data')),
  /** Empty → a Temporal dev server is started with its SQLite file in DATA_DIR. */
  TEMPORAL_ADDRESS: z.string().optional(),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TASK_QUEUE: z.string().default('brigade-kitchen'),
  TEMPORAL_CLI_PATH: z.string().optional(),
  TEMPORAL_DEV_PORT: z.coerce.number().int().default(7233),
  TEMPORAL_UI_PORT: z.coerce.number().int().default(8233),
  /** Prebuilt workflow bundle (npm run build:worker); empty → the worker bundles workflows/ at start-up. */
  WORKFLOW_BUNDLE: z.string().optional(),
  JWT_SECRET: z.string().min(16).optional(),
  JWT_REFRESH_SECRET: z.string().min(16).optional(),
  ACCESS_TOKEN_TTL: z.string().default('15m'),
  REFRESH_TOKEN_TTL: z.string().default('7d'),
  /** Key for platform credentials at rest (32 bytes, base64 or hex). */
  CREDENTIALS_KEY: z.string().optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** `api`, `worker` or `all` (one process runs both; the default for `npm start`). */
  BRIGADE_ROLE: z.enum(['api', 'worker', 'all']).default('all'),
  /** Proxies in front of the API whose X-Forwarded-For is believed (0: none), so per-IP limits see the client. */
  TRUST_PROXY: z.coerce.number().int().min(0).default(0),
  /** Failed logins one IP may make per LOGIN_IP_WINDOW_SECONDS, over all accounts, before it is refused. */
  LOGIN_IP_MAX_FAILURES: z.coerce.number().int().min(1).default(100),
  LOGIN_IP_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  /** Consecutive failed logins of one account (tenant + email) before each further one waits. */
  LOGIN_ACCOUNT_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  /** The first wait; it doubles with each further failure up to LOGIN_ACCOUNT_BLOCK_MAX_SECONDS. */
  LOGIN_ACCOUNT_BLOCK_SECONDS: z.coerce.number().int().min(1).default(30),
  LOGIN_ACCOUNT_BLOCK_MAX_SECONDS: z.coerce.number().int().min(1).default(3600),
  /** GraphQL requests one signed-in user may make per minute. */
  GRAPHQL_USER_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
  /** Query cost (api/graphql/query-cost.ts) one signed-in user may spend per minute: ~67 of the heaviest allowed queries. */
  GRAPHQL_USER_COST_LIMIT: z.coerce.number().int().min(1).default(2_000_000),
  /** Webhook deliveries one delivery platform may make per minute. */
  WEBHOOK_PLATFORM_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
  /** Requests (and live connections) one IP may make per minute to the public board and tracking pages. */
  PUBLIC_IP_RATE_LIMIT: z.coerce.number().int().min(1).default(300),
  /** Board or tracking tokens that open nothing, per IP per 10 minutes, before its public requests are refused. */
  PUBLIC_IP_NOT_FOUND_LIMIT: z.coerce.number().int().min(1).default(30),
  /** The public sign-up page (a new restaurant and its owner); unset → on, except in production. */
  SIGNUP_ENABLED: flag,
  /** Sign-up attempts one IP may make per hour (successful or not). */
  SIGNUP_IP_LIMIT: z.coerce.number().int().min(1).default(5),
  SEED_DEMO: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** Origins (comma-separated) another site may call the API from, with credentials; empty → same origin only. */
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim().replace(/\/+$/, ''))
        .filter(Boolean),
    ),
  /** The GraphiQL page at GET /graphql; unset → on, except in production. */
  GRAPHIQL: flag,
  /** `__schema` / `__type` queries; unset → allowed, except in production. */
  GRAPHQL_INTROSPECTION: flag,
});

/** Every variable the app reads (README documents each one). */
export const ENV_KEYS: readonly string[] = Object.keys(schema.shape);

export type Env = Omit<z.infer<typeof schema>, 'GRAPHIQL' | 'GRAPHQL_INTROSPECTION' | 'SIGNUP_ENABLED'> & {
  JWT_SECRET: string;
  JWT_REFRESH_SECRET: string;
  GRAPHIQL: boolean;
  GRAPHQL_INTROSPECTION: boolean;
  SIGNUP_ENABLED: boolean;
  ROOT: string;
};

const DEV_SECRET = 'brigade-dev-secret-change-me-in-production';

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  if (env.NODE_ENV === 'production') {
    for (const name of ['JWT_SECRET', 'JWT_REFRESH_SECRET', 'DATABASE_URL', 'TEMPORAL_ADDRESS', 'CREDENTIALS_KEY'] as const) {
      if (!env[name]) throw new Error(`Missing required environment variable ${name} (NODE_ENV=production)`);
    }
  }
  // Developer conveniences that map the schema for an attacker: off in production unless asked for.
  const developerTool = (value: boolean | undefined) => value ?? env.NODE_ENV !== 'production';
  return {
    ...env,
    GRAPHIQL: developerTool(env.GRAPHIQL),
    GRAPHQL_INTROSPECTION: developerTool(env.GRAPHQL_INTROSPECTION),
    // Anyone may create a restaurant through it: a production server opts in.
    SIGNUP_ENABLED: env.SIGNUP_ENABLED ?? env.NODE_ENV !== 'production',
    JWT_SECRET: env.JWT_SECRET ?? DEV_SECRET,
    JWT_REFRESH_SECRET: env.JWT_REFRESH_SECRET ?? `${DEV_SECRET}-refresh`,
    ROOT,
  };
}

let cached: Env | undefined;
/** Process-wide config, read once. Tests that need other values call loadEnv directly. */
export function env(): Env {
  cached ??= loadEnv();
  return cached;
}
