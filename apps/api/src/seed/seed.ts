// Seeds a database with generated rescues, rehomers and pets (catalog-generator.ts), for benchmarks and demos:
//   npm run db:seed -- --pets 1000000 [--database pets_bench] [--seed 1]
//   node dist/apps/api/src/seed/seed.js --demo          (2,000 pets into $DB_NAME and demo applications, what `npm run demo` needs)
// Creates the database if needed and applies pending migrations first. A database that already has pets is left
// as it is (drop it to seed again), so the demo can call this on every start. Multi-row INSERTs of 2,000 rows,
// one transaction each; no global setting is touched.
import { createDataSource } from '@app/database';
import type { DataSource, QueryRunner } from 'typeorm';
import { generatePets, PET_COLUMNS, planCatalog, RESCUE_COLUMNS, USER_COLUMNS, type PetRow } from './catalog-generator';
import { DEMO_ADOPTER_EMAIL, DEMO_RESCUE_ADMIN_EMAIL, seedDemoApplications } from './demo-applications';

export interface SeedArguments {
  pets: number;
  database: string;
  seed: number;
  batch: number;
  /** The day the data is generated on (default: now); tests pass it to regenerate the same rows. */
  today?: Date;
  /** Also demo accounts with applications (demo-applications.ts), for `npm run demo`. */
  demo?: boolean;
}

type ConnectionSettings = Omit<Parameters<typeof createDataSource>[0], 'DB_NAME' | 'DB_POOL_SIZE'>;

function parseArguments(argv: string[]): SeedArguments {
  const value = (name: string) => {
    const index = argv.indexOf(`--${name}`);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const demo = argv.includes('--demo');
  const pets = Number(value('pets') ?? 2000);
  const database = value('database') ?? process.env.DB_NAME ?? (demo ? 'pets_demo' : 'pets_dev');
  const seed = Number(value('seed') ?? 1);
  const batch = Number(value('batch') ?? 2000);
  if (!Number.isInteger(pets) || pets < 1 || pets > 20_000_000) throw new Error('--pets must be a whole number from 1 to 20,000,000');
  if (!/^[A-Za-z0-9_]{1,64}$/.test(database)) throw new Error('--database must be a plain database name');
  if (!Number.isInteger(seed)) throw new Error('--seed must be a whole number');
  if (!Number.isInteger(batch) || batch < 1 || batch > 10_000) throw new Error('--batch must be from 1 to 10,000');
  return { pets, database, seed, batch, demo };
}

/** The database server from the usual DB_* variables, with the local development defaults. */
const settingsFromEnv = (): ConnectionSettings => ({
  DB_ENGINE: (process.env.DB_ENGINE ?? 'mariadb') as 'mariadb' | 'mysql',
  DB_HOST: process.env.DB_HOST ?? '127.0.0.1',
  DB_PORT: Number(process.env.DB_PORT ?? 3306),
  DB_USER: process.env.DB_USER ?? 'pets',
  DB_PASSWORD: process.env.DB_PASSWORD ?? 'pets-dev-password',
});

/** One multi-row INSERT of `rows` in its own transaction. */
async function insertRows(runner: QueryRunner, table: string, columns: readonly string[], rows: ReadonlyArray<Record<string, unknown>>): Promise<void> {
  if (rows.length === 0) return;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const params: unknown[] = [];
  for (const row of rows) for (const column of columns) params.push(row[column]);
  await runner.startTransaction();
  try {
    await runner.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${rows.map(() => tuple).join(', ')}`, params);
    await runner.commitTransaction();
  } catch (error) {
    await runner.rollbackTransaction();
    throw error;
  }
}

const thousands = (n: number) => n.toLocaleString('en-GB');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export async function seed(
  args: SeedArguments,
  options: { server?: ConnectionSettings; log?: (line: string) => void } = {},
): Promise<{ pets: number; skipped: boolean }> {
  const started = Date.now();
  const log = options.log ?? console.log;
  const server = options.server ?? settingsFromEnv();
  const connection = (database: string) => ({ ...server, DB_NAME: database, DB_POOL_SIZE: 2 });
  const admin = await createDataSource(connection('information_schema'));
  try {
    await admin.query(`CREATE DATABASE IF NOT EXISTS \`${args.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.destroy();
  }

  const dataSource: DataSource = await createDataSource(connection(args.database));
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length) log(`applied migrations: ${applied.map((m) => m.name).join(', ')}`);
    const [{ existing }] = (await dataSource.query('SELECT COUNT(*) AS existing FROM pets')) as Array<{ existing: number | string }>;
    if (Number(existing) > 0) {
      log(`${args.database} already has ${thousands(Number(existing))} pets; left as it is (drop the database to seed again)`);
      return { pets: Number(existing), skipped: true };
    }

    const generator = { pets: args.pets, seed: args.seed, today: args.today ?? new Date() };
    const plan = planCatalog(generator);
    const runner = dataSource.createQueryRunner();
    try {
      for (let i = 0; i < plan.rescues.length; i += args.batch) {
        await insertRows(runner, 'rescues', RESCUE_COLUMNS, plan.rescues.slice(i, i + args.batch) as unknown as Array<Record<string, unknown>>);
      }
      for (let i = 0; i < plan.rehomers.length; i += args.batch) {
        await insertRows(runner, 'users', USER_COLUMNS, plan.rehomers.slice(i, i + args.batch) as unknown as Array<Record<string, unknown>>);
      }
      log(`${args.database}: ${thousands(plan.rescues.length)} rescues, ${thousands(plan.rehomers.length)} rehomers (${seconds(Date.now() - started)})`);

      // The next batch is generated while the previous one is being written.
      const petsStarted = Date.now();
      let inserted = 0;
      let lastReport = Date.now();
      let pending: Promise<void> = Promise.resolve();
      let batch: PetRow[] = [];
      const flush = async (rows: PetRow[]) => {
        await pending;
        pending = insertRows(runner, 'pets', PET_COLUMNS, rows).then(() => {
          inserted += rows.length;
          if (Date.now() - lastReport >= 5000 || inserted === args.pets) {
            lastReport = Date.now();
            const rate = inserted / ((Date.now() - petsStarted) / 1000);
            log(
              `pets ${thousands(inserted)} / ${thousands(args.pets)} (${Math.floor((inserted / args.pets) * 100)} %), ${thousands(Math.round(rate))} rows/s, ${seconds(Date.now() - started)}`,
            );
          }
        });
      };
      for (const pet of generatePets(generator, plan)) {
        batch.push(pet);
        if (batch.length === args.batch) {
          await flush(batch);
          batch = [];
        }
      }
      if (batch.length) await flush(batch);
      await pending;
    } finally {
      await runner.release();
    }
    if (args.demo)
      log(`demo: ${(await seedDemoApplications(dataSource)).applications} applications by ${DEMO_ADOPTER_EMAIL}, reviewed by ${DEMO_RESCUE_ADMIN_EMAIL}`);
    // Fresh statistics, so the first queries are planned on the real table, not on an empty one.
    await dataSource.query('ANALYZE TABLE rescues, users, pets');
    log(`seeded ${thousands(args.pets)} pets into ${args.database} in ${seconds(Date.now() - started)}`);
    return { pets: args.pets, skipped: false };
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  seed(parseArguments(process.argv.slice(2))).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
