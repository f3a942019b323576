#!/usr/bin/env node
// Fails when the contract, the generated code and the controllers disagree:
//  1. the split source does not bundle to the committed openapi/dist/openapi.json, or the lint fails;
//  2. regenerating libs/contracts and libs/sdk from the bundle changes anything;
//  3. the routes of the running module graph (the spec @nestjs/swagger emits) differ from the contract
//     (test/contract/routes.test.ts, also part of `npm test`).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const bin = (name) => join(root, 'node_modules/.bin', name);
const env = { ...process.env, REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', REDOCLY_TELEMETRY: 'off' };
let failed = false;

function step(title, fn) {
  try {
    fn();
    console.log(`ok   ${title}`);
  } catch (error) {
    failed = true;
    console.error(`FAIL ${title}\n${error.stdout ?? ''}${error.stderr ?? ''}${error.message}`);
  }
}

const tmp = mkdtempSync(join(tmpdir(), 'contract-check-'));
step('bundle is up to date', () => {
  const out = join(tmp, 'openapi.json');
  execFileSync(bin('redocly'), ['bundle', 'openapi/openapi.yaml', '-o', out, '--ext', 'json'], { cwd: root, env, stdio: 'pipe' });
  if (readFileSync(out, 'utf8') !== readFileSync(join(root, 'openapi/dist/openapi.json'), 'utf8')) {
    throw new Error('openapi/dist/openapi.json differs from the bundled source: run `npm run contract:generate`');
  }
});
step('lint', () => {
  execFileSync(bin('redocly'), ['lint', 'openapi/openapi.yaml'], { cwd: root, env, stdio: 'pipe' });
  execFileSync(bin('spectral'), ['lint', '--fail-severity=warn', '--ruleset', 'openapi/.spectral.yaml', 'openapi/dist/openapi.json'], {
    cwd: root,
    env,
    stdio: 'pipe',
  });
});
step('generated code matches the contract', () => {
  execFileSync(process.execPath, [join(root, 'tools/contract/generate.mjs'), '--out', tmp], { cwd: root, stdio: 'pipe' });
  for (const dir of ['libs/contracts/src/generated', 'libs/sdk/src/generated']) {
    const diff = spawnSync('diff', ['-r', join(root, dir), join(tmp, dir)], { encoding: 'utf8' });
    if (diff.status !== 0) throw new Error(`${dir} is stale: run \`npm run contract:generate\`\n${diff.stdout.slice(0, 2000)}`);
  }
});
step('routes of the app match the contract', () => {
  execFileSync(bin('vitest'), ['run', 'test/contract/routes.test.ts', '--reporter=dot'], { cwd: root, stdio: 'pipe', env });
});
rmSync(tmp, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
