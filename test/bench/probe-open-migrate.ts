/**
 * The cost of the pending migrations at the first open of a database (wall and CPU of the open), on a copy kept
 * afterwards, migrated, for measurements of the code that needs them:
 * `npx tsx test/bench/probe-open-migrate.ts <database file> <folder for the migrated copy>`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { closeAppContext, openAppContext } from '../../src-main/context';
import { databaseFileName } from '../../src-main/db/open';
import { timedOnce } from './cpu';

const source = path.resolve(process.argv[2] ?? '');
const dir = path.resolve(process.argv[3] ?? '');
fs.mkdirSync(dir, { recursive: true });
fs.copyFileSync(source, path.join(dir, databaseFileName), fs.constants.COPYFILE_FICLONE);
const opened = await timedOnce(() => openAppContext({ dataDir: dir }));
console.log(JSON.stringify({ open: { ...opened, result: undefined }, schema: opened.result.db.userVersion }));
closeAppContext(opened.result);
