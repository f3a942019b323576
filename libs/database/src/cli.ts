// Migration CLI shared by `npm run db:migrate`, the Kubernetes migration Job and the demo start-up:
//   node dist/libs/database/src/cli.js migrate | revert | status
import { loadConfig } from '@app/common';
import { createDataSource } from './data-source';

async function main(command: string | undefined): Promise<void> {
  const dataSource = await createDataSource(loadConfig());
  try {
    if (command === 'migrate') {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      console.log(applied.length ? `applied ${applied.map((m) => m.name).join(', ')}` : 'schema is up to date');
    } else if (command === 'revert') {
      await dataSource.undoLastMigration({ transaction: 'each' });
      console.log('reverted the last migration');
    } else if (command === 'status') {
      const pending = await dataSource.showMigrations();
      console.log(pending ? 'migrations pending' : 'schema is up to date');
      process.exitCode = pending ? 2 : 0;
    } else {
      console.error('usage: cli.js migrate | revert | status');
      process.exitCode = 64;
    }
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
