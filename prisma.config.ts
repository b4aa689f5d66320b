import path from 'node:path';
import { defineConfig } from 'prisma/config';

// The CLI reads this; the app itself migrates offline through db/migrate.ts.
export default defineConfig({
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:54329/brigade' },
});
