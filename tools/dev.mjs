#!/usr/bin/env node
// Starts the whole system locally: prepares MariaDB and Redis, builds, migrates, seeds demo data (--demo),
// then runs the api and the worker side by side and prints their URLs. Ctrl-C stops both gracefully.
import { execFileSync, spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const demo = process.argv.includes('--demo');
const env = {
  NODE_ENV: 'development',
  DB_USER: 'pets',
  DB_PASSWORD: 'pets-dev-password',
  DB_NAME: demo ? 'pets_demo' : 'pets_dev',
  REDIS_PREFIX: demo ? 'pets-demo' : 'pets-dev',
  API_PORT: '3000',
  WORKER_PORT: '3001',
  HOST: '127.0.0.1',
  CORS_ORIGINS: 'http://localhost:5173',
  // Development-only secrets; production takes them from the secret store (see k8s/ and README).
  JWT_SECRET: 'development-only-jwt-secret-0123456789abcdef',
  TOTP_ENCRYPTION_KEY: 'ZGV2ZWxvcG1lbnQtb25seS10b3RwLWtleS0zMmJ5dGU=',
  BOOTSTRAP_ADMIN_EMAIL: 'admin@example.org',
  BOOTSTRAP_ADMIN_PASSWORD: 'change-me-admin-password',
  ...process.env,
};
const run = (command, args) => execFileSync(command, args, { cwd: root, env, stdio: 'inherit' });

run('bash', ['tools/prepare-services.sh']);
run('mariadb', ['-e', `CREATE DATABASE IF NOT EXISTS \`${env.DB_NAME}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`]);
run('npm', ['run', '-s', 'build']);
run(process.execPath, ['dist/libs/database/src/cli.js', 'migrate']);
// Demo data: rescues, rehomers and 2,000 pets; skipped when the database already has pets.
if (demo) run(process.execPath, ['dist/apps/api/src/seed/seed.js', '--demo']);

const children = ['api', 'worker'].map((app) => {
  const child = spawn(process.execPath, [join('dist/apps', app, 'src/main.js')], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
  child.stdout.on('data', (chunk) => process.stdout.write(chunk.toString().replace(/^/gm, `[${app}] `)));
  return child;
});

const base = `http://${env.HOST}:${env.API_PORT}`;
const DEMO_ACCOUNTS = [
  '',
  'rehomer-1@seed.example / seeded-rehomer-password (a rehomer with listings)',
  'adopter@seed.example / seeded-rehomer-password (an adopter with applications)',
  'rescue-admin@seed.example / seeded-rehomer-password (reviews the applications of rescue-1@seed.example)',
].join('\n             ');
console.log(`
  api        ${base}/api/v1   (e.g. ${base}/api/v1/features)
  docs       ${base}/docs
  probes     ${base}/healthz  ${base}/readyz  ${base}/metrics
  worker     http://${env.HOST}:${env.WORKER_PORT}/readyz  http://${env.HOST}:${env.WORKER_PORT}/metrics
  database   ${env.DB_NAME} on 127.0.0.1:3306 (user ${env.DB_USER}); Redis prefix ${env.REDIS_PREFIX}
  sign in    ${env.BOOTSTRAP_ADMIN_EMAIL} / ${env.BOOTSTRAP_ADMIN_PASSWORD} (super_admin)${demo ? DEMO_ACCOUNTS : ''}
  mail       sent to ${env.SMTP_URL ?? 'smtp://127.0.0.1:1025'} (run an SMTP catcher there to read it)
`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children)
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`a process exited (${code}); stopping`);
      stop();
    }
  });
