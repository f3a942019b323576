// The built apps as the images run them: `node <entry point>` from dist/, configured only by environment variables.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { testServices } from '../support/test-env';

const scripts: Record<string, string> = JSON.parse(readFileSync('package.json', 'utf8')).scripts;

/**
 * The arguments of `node` in a package.json script (its last `&&` step): the images' CMDs are these very commands,
 * which test/deploy/manifests.test.ts checks, so the smoke suite starts what the images start.
 */
export function nodeArgsOf(script: 'start:api' | 'start:worker' | 'db:migrate'): string[] {
  const [command, ...args] = scripts[script].split('&&').at(-1)!.trim().split(/\s+/);
  if (command !== 'node') throw new Error(`${script} does not run node: ${scripts[script]}`);
  return args;
}

/** The environment of every process of the smoke run, as the compose file and the ConfigMap give it. */
export function smokeEnvironment(database: string, redisPrefix: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    DB_ENGINE: testServices.dbEngine,
    DB_HOST: testServices.dbHost,
    DB_PORT: String(testServices.dbPort),
    DB_USER: testServices.dbUser,
    DB_PASSWORD: testServices.dbPassword,
    DB_NAME: database,
    DB_POOL_SIZE: '5',
    REDIS_URL: testServices.redisUrl,
    REDIS_PREFIX: redisPrefix,
    LOG_LEVEL: 'info',
    JWT_SECRET: 'smoke-test-jwt-secret-that-is-long-enough-0123',
    TOTP_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64'),
    ...overrides,
  };
}

/** A port nothing listens on right now: the OS picks it for a listener on port 0, which is closed again. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface BuiltApp {
  name: string;
  baseUrl: string;
  /** stdout and stderr, line by line (JSON log lines, and start-up errors). */
  output: string[];
  /** The exit code (or signal) once the process has ended. */
  exited: Promise<number | NodeJS.Signals>;
  /** SIGTERM, then SIGKILL if it has not ended within `timeoutMs`; resolves with how it ended. */
  stop(timeoutMs?: number): Promise<number | NodeJS.Signals>;
}

function spawnNode(args: string[], env: Record<string, string>): ChildProcess {
  // Only the given variables, like a container: nothing leaks in from the developer's shell.
  return spawn(process.execPath, args, { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** `node <script's entry point>` with `env`, listening on `port`; resolves once `/readyz` answers 200. */
export async function startBuiltApp(
  script: 'start:api' | 'start:worker',
  port: number,
  env: Record<string, string>,
  readyWithinMs = 30_000,
): Promise<BuiltApp> {
  const name = script.slice('start:'.length);
  const portVariable = name === 'api' ? 'API_PORT' : 'WORKER_PORT';
  const child = spawnNode(nodeArgsOf(script), { ...env, [portVariable]: String(port) });
  const output: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) stream.on('data', (chunk) => output.push(...String(chunk).split('\n').filter(Boolean)));
  const exited = new Promise<number | NodeJS.Signals>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal!)));
  const app: BuiltApp = {
    name,
    baseUrl: `http://127.0.0.1:${port}`,
    output,
    exited,
    async stop(timeoutMs = 15_000) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const outcome = await exited;
      clearTimeout(timer);
      return outcome;
    },
  };

  const deadline = Date.now() + readyWithinMs;
  let ended: number | NodeJS.Signals | undefined;
  void exited.then((outcome) => (ended = outcome));
  for (;;) {
    if (ended !== undefined) throw new Error(`${name} exited (${ended}) before it was ready:\n${output.join('\n')}`);
    const ready = await fetch(`${app.baseUrl}/readyz`).then(
      (res) => res.status === 200,
      () => false,
    );
    if (ready) return app;
    if (Date.now() > deadline) {
      await app.stop();
      throw new Error(`${name} was not ready within ${readyWithinMs} ms:\n${output.slice(-40).join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Runs `node <script's entry point>` to completion (e.g. the migration), failing with its output. */
export function runBuiltScript(script: 'db:migrate', env: Record<string, string>, timeoutMs = 60_000): Promise<string> {
  const child = spawnNode(nodeArgsOf(script), env);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve, reject) =>
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`${script} ended with ${code ?? signal}:\n${output}`));
    }),
  );
}
