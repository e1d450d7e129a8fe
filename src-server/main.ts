/**
 * `npm run server -- --data DIR [--port N] [--host H] [--database postgres://…] [--behind-proxy]`: Candid Server.
 * `CANDID_DATABASE_URL` stands for --database and `CANDID_JWT_SECRET` sets the access-token key. SIGTERM or
 * SIGINT stops it gracefully.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startServer } from './server';

const usage = `Usage: npm run server -- --data DIR [--port 8787] [--host 127.0.0.1] [--database postgres://…] [--behind-proxy]
  --data DIR          folder of the embedded SQLite database (created if missing)
  --database URL      PostgreSQL instead (or CANDID_DATABASE_URL)
  --port N            port to listen on (default 8787; 0 picks a free one)
  --host H            address to listen on (default 127.0.0.1)
  --behind-proxy      a TLS-terminating proxy is in front: allow other addresses, trust its X-Forwarded-For
  --max-snapshot-mb N largest snapshot accepted (default 1024)
  --password-memory-kib N  argon2id memory per password hash (default 19456, OWASP's minimum; more is stronger and slower)
  --auth-per-minute N register/log-in/refresh attempts per client address per minute (default 120)
  --failed-logins N   failed log-ins per e-mail per 15 minutes (default 10)
  --account-requests-per-minute N   requests per account per minute (default 1200)
  --public-per-minute N   requests without a token per client address per minute (default 600)
  --cors-origins LIST web pages allowed to call the server from a browser: * (default) or origins separated by
                      commas (https://app.example.org); none for no page`;

/** `--cors-origins`: `*`, `none`, or origins separated by commas. */
function corsOrigins(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === 'none') return [];
  return value
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      database: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'behind-proxy': { type: 'boolean' },
      'max-snapshot-mb': { type: 'string' },
      'password-memory-kib': { type: 'string' },
      'auth-per-minute': { type: 'string' },
      'failed-logins': { type: 'string' },
      'account-requests-per-minute': { type: 'string' },
      'public-per-minute': { type: 'string' },
      'cors-origins': { type: 'string' },
      help: { type: 'boolean' },
    },
    allowPositionals: false,
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));
  const env = process.env;
  const server = await startServer({
    config: {
      dataDir: values.data,
      databaseUrl: values.database ?? (env.CANDID_DATABASE_URL || undefined),
      port: number(values.port),
      host: values.host,
      behindProxy: values['behind-proxy'],
      corsOrigins: corsOrigins(values['cors-origins']),
      jwtSecret: env.CANDID_JWT_SECRET || undefined,
      passwordHashing: values['password-memory-kib'] ? { memoryCost: number(values['password-memory-kib'])!, timeCost: 2, parallelism: 1 } : undefined,
      limits: values['max-snapshot-mb'] ? { snapshotBytes: number(values['max-snapshot-mb'])! * 1024 * 1024 } : undefined,
      rateLimits: {
        authPerClient: { max: number(values['auth-per-minute']) },
        authPerEmail: { max: number(values['failed-logins']) },
        accountRequests: { max: number(values['account-requests-per-minute']) },
        publicPerClient: { max: number(values['public-per-minute']) },
      },
    },
  });
  const stop = (signal: string) => {
    console.error(`Candid Server: ${signal}, finishing the requests in flight…`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof z.ZodError) {
    console.error(`Candid Server: ${error.issues.map((issue) => `${issue.path.join('.') || 'options'}: ${issue.message}`).join('; ')}\n\n${usage}`);
  } else {
    console.error(`Candid Server: ${(error as Error).message}`);
  }
  process.exit(1);
});
