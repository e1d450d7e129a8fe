import { expect, it } from 'vitest';
import { withoutTsx } from '../../src-main/jobs/launch';

/** A thread that runs the compiled worker is started without tsx's loader, and with every other option of the process. */
it('leaves tsx out of the options a compiled thread inherits, and keeps the rest', () => {
  expect(withoutTsx(['--import', 'tsx'])).toEqual([]);
  expect(withoutTsx(['--import=tsx', '--cpu-prof'])).toEqual(['--cpu-prof']);
  // What tsx's command line starts node with.
  expect(
    withoutTsx(['--require', '/app/node_modules/tsx/dist/preflight.cjs', '--import', 'file:///app/node_modules/tsx/dist/loader.mjs', '--max-old-space-size=4096']),
  ).toEqual(['--max-old-space-size=4096']);
  expect(withoutTsx(['--loader', 'tsx/esm', '--cpu-prof-dir', '/tmp/profiles'])).toEqual(['--cpu-prof-dir', '/tmp/profiles']);
  // Loaders of other names stay.
  expect(withoutTsx(['--import', './instrument.mjs', '--require', 'mytsx'])).toEqual(['--import', './instrument.mjs', '--require', 'mytsx']);
});
