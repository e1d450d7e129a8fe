/**
 * A child process that does one operation of a crash kind (kinds.ts), to be killed with SIGKILL at a random moment
 * by test/trust/crash.test.ts and `npm run soak`. It prints "ready <pid>" right before the operation and "done"
 * after. Run bundled (rounds.ts) as `node <bundle> <dataDir> <kind> <marker>`, in one process.
 */
import { crashKinds, isCrashKindName } from './kinds';

const [dataDir, kind, marker] = process.argv.slice(2);

async function main(): Promise<void> {
  if (!isCrashKindName(kind)) throw new Error(`unknown kind ${kind}`);
  // The pid lets the test check that its SIGKILL reaches the process doing the work.
  await crashKinds[kind].run(dataDir, marker, () => process.stdout.write(`ready ${process.pid}\n`));
  process.stdout.write('done\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
