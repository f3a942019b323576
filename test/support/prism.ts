import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

// Tests run from the repository root (vitest.config.mts).
const root = `${process.cwd()}/`;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface PrismMock {
  baseUrl: string;
  stop(): Promise<void>;
}

/** Starts the same Prism mock of the bundled contract that `npm run mock` starts, on a free port. */
export async function startPrismMock(): Promise<PrismMock> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    `${root}node_modules/.bin/prism`,
    ['mock', '--host', '127.0.0.1', '--port', String(port), '--errors', `${root}openapi/dist/openapi.json`],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`prism did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Prism is listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`prism exited with ${code}:\n${output}`)));
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
