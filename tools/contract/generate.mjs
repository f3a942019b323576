#!/usr/bin/env node
// Regenerates libs/contracts/src/generated (server DTOs and operation metadata) and libs/sdk/src/generated
// (the TypeScript SDK) from openapi/dist/openapi.json. `--out DIR` writes both under DIR instead (used by
// contract:check to compare with what is committed).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import SwaggerParser from '@apidevtools/swagger-parser';
import { generateContracts } from './dto-generator.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const outIndex = process.argv.indexOf('--out');
const outRoot = outIndex > 0 ? resolve(process.argv[outIndex + 1]) : root;
const bundlePath = join(root, 'openapi/dist/openapi.json');

const document = JSON.parse(readFileSync(bundlePath, 'utf8'));
await SwaggerParser.validate(structuredClone(document));

const contractsDir = join(outRoot, 'libs/contracts/src/generated');
rmSync(contractsDir, { recursive: true, force: true });
mkdirSync(contractsDir, { recursive: true });
for (const [file, source] of Object.entries(generateContracts(document))) {
  writeFileSync(join(contractsDir, file), source);
}

const sdkDir = join(outRoot, 'libs/sdk/src/generated');
rmSync(sdkDir, { recursive: true, force: true });
const sdkWorkDir = join(root, 'libs/sdk');
const tmpOut = join(root, '.tmp/sdk-generated');
rmSync(tmpOut, { recursive: true, force: true });
execFileSync(process.execPath, [join(root, 'node_modules/@hey-api/openapi-ts/bin/run.js'), '-f', 'openapi-ts.config.mjs', '-o', tmpOut, '-s'], {
  cwd: sdkWorkDir,
  stdio: ['ignore', 'ignore', 'inherit'],
});
mkdirSync(dirname(sdkDir), { recursive: true });
cpSync(tmpOut, sdkDir, { recursive: true });
rmSync(tmpOut, { recursive: true, force: true });
console.log(`generated contracts and SDK under ${outRoot === root ? 'libs/' : outRoot}`);
