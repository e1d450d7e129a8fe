import fs from 'node:fs';
import fc from 'fast-check';
import { expect } from 'vitest';
import { createApi, type Api, type ApiResult } from '../../../src-main/api';
import { closeAppContext, openAppContext, type AppContext } from '../../../src-main/context';
import type { Channel } from '../../../src-shared/contract';
import { errorCodes } from '../../../src-shared/errors';
import { databaseFingerprint } from '../../integration/support/fingerprint';
import { seedWorld } from '../../integration/support/fixtures';
import { tempDir } from '../../support/temp-app';
import { ManualClock } from '../../support/manual-clock';
import { startAutomation } from '../../../src-main/automation';
import { redeemPairingCode } from '../../../src-main/extension/pairing';
import { confinePaths, prototypeSnapshot } from './hostile';
import { documentSource, type FuzzWorld } from './valid-inputs';

/**
 * A seeded database built once per suite; every channel is fuzzed on its own copy of it, so that what one
 * channel deletes or restores does not take away what the next one needs.
 */
export interface FuzzSeed {
  world: FuzzWorld;
  /** Folders a `path` in an input may point into; any other path is confined to the sandbox. */
  allowedRoots: string[];
  copy(): Promise<FuzzApp>;
  close(): void;
}

export interface FuzzApp {
  context: AppContext;
  api: Api;
  close(): void;
}

export async function createFuzzSeed(): Promise<FuzzSeed> {
  const seedDir = tempDir('candid-fuzz-seed-');
  const sandbox = tempDir('candid-fuzz-sandbox-');
  // Seeded in the past, so that the automation below can live through a month and still end before today.
  const day = 24 * 60 * 60 * 1000;
  const clock = new ManualClock(Date.now() - 60 * day);
  const context = await openAppContext({ dataDir: seedDir, clock });
  const api = createApi(context);
  const base = await seedWorld(api);
  // An application a month without an answer: the rules suggest a follow-up and mark it as ghosted.
  const unanswered = await api.invoke('applications.create', { companyName: 'Umbrella', position: 'SRE', appliedOn: new Date(clock.now()).toISOString().slice(0, 10) });
  const automation = startAutomation(context);
  await automation.started;
  await clock.advance(40 * day);
  await automation.scheduler.whenIdle();
  automation.stop();
  const ghosted = (await api.invoke('applications.get', { id: unanswered.id })).stageHistory.find((event) => event.automatic)!;
  const notificationId = (await api.invoke('notifications.list', { status: 'all' })).items.find((item) => item.kind === 'ghosted')!.id;
  const { document } = await api.invoke('documents.add', { source: documentSource, kind: 'cv', applicationIds: [base.application.id] });
  const binned = await api.invoke('documents.add', { source: { content: Buffer.from('Lettre').toString('base64'), fileName: 'lettre.txt' }, kind: 'cover_letter' });
  await api.invoke('documents.delete', { id: binned.document.id });
  // A backdated stage move: applications.undoStage has a move to take back.
  const { undo: stageMove } = await api.invoke('applications.setStage', { id: base.application.id, stageId: base.stages.screening, occurredAt: '2024-03-05T10:00:00Z' });
  const fair = await api.invoke('fairs.create', { name: 'Forum Emploi Lyon', startsOn: '2024-03-12', place: 'Halle Tony Garnier' });
  const booth = await api.invoke('fairs.addBooth', { fairId: fair.id, companyName: 'Globex', booth: 'B12', recruitsFor: 'Data engineers', priority: 1 });
  const answer = await api.invoke('answers.create', { question: 'Why us?', category: 'why_company', body: 'Your product', tags: ['product'] });
  const answerUse = await api.invoke('answers.use', { applicationId: base.application.id, answerId: answer.id });
  const offer = await api.invoke('applications.create', { companyName: 'Vandelay Industries', position: 'Platform engineer', stageId: base.stages.offer });
  const comparison = await api.invoke('offers.create', { name: 'Offers' });
  // A watched board (after the automation stopped: no check of it runs here) and one posting of its inbox.
  const watch = await api.invoke('watches.create', { kind: 'greenhouse', board: 'initech', companyName: 'Initech' });
  const opportunityId = context.changes.write((write) =>
    write.insert('opportunities', { watch_id: watch.id, external_id: '4012345', title: 'Développeuse TypeScript', url: 'https://boards.greenhouse.io/initech/jobs/4012345', description: 'Nous cherchons…', status: 'new' }),
  );
  // A browser paired with the extension (a pairing code spent), for extension.revoke.
  const { code } = await api.invoke('extension.pairingCode', undefined);
  redeemPairingCode(context.db, code, 'Chromium on Linux', clock.now());
  const pairedBrowserId = (await api.invoke('extension.browsers', undefined))[0].id;
  const backupPath = (await api.invoke('backups.create', undefined)).path;
  const world: FuzzWorld = {
    ...base,
    documentId: document.id,
    deletedDocumentId: binned.document.id,
    backupPath,
    sandbox,
    stageMove,
    notificationId,
    automaticEventId: ghosted.id,
    fairId: fair.id,
    boothId: booth.id,
    answerId: answer.id,
    answerVersionId: answer.versionId,
    answerUseId: answerUse.id,
    offerComparisonId: comparison.id,
    offerApplicationId: offer.id,
    watchId: watch.id,
    opportunityId,
    pairedBrowserId,
  };
  closeAppContext(context);
  const copies: string[] = [];
  return {
    world,
    allowedRoots: [sandbox, seedDir],
    async copy() {
      const dir = tempDir('candid-fuzz-');
      copies.push(dir);
      // The whole data folder: documents live beside the database, by content hash.
      fs.cpSync(seedDir, dir, { recursive: true });
      const copied = await openAppContext({ dataDir: dir });
      return { context: copied, api: createApi(copied), close: () => closeAppContext(copied) };
    },
    close() {
      for (const dir of [seedDir, sandbox, ...copies]) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A stable seed per channel, so a failure replays the same way. */
export function seedOf(channel: string, base: number): number {
  let hash = base;
  for (const char of channel) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
}

export interface FuzzRun {
  channel: Channel;
  arbitrary: fc.Arbitrary<unknown>;
  /** Sends one input through a transport and returns its result. */
  send(channel: Channel, input: unknown): Promise<ApiResult>;
  app: FuzzApp;
  seed: FuzzSeed;
  numRuns: number;
  base: number;
}

/**
 * Sends hostile inputs to one channel and checks each answer: a result or a typed error (never INTERNAL), nothing
 * written by a failed call, Object.prototype untouched; and the database intact at the end.
 */
export async function fuzzChannel(run: FuzzRun): Promise<void> {
  const { db } = run.app.context;
  // The state after one call is the state before the next: one fingerprint per call.
  let current = databaseFingerprint(db);
  await fc.assert(
    fc.asyncProperty(run.arbitrary, async (raw) => {
      const input = confinePaths(raw, run.seed.world.sandbox, run.seed.allowedRoots);
      const before = current;
      const prototypes = prototypeSnapshot();
      const result = await run.send(run.channel, input);
      const after = databaseFingerprint(db);
      current = after;
      expect(prototypeSnapshot(), 'Object.prototype or Array.prototype was changed').toBe(prototypes);
      if (result.ok) {
        expect(() => JSON.stringify(result.value), 'a result must survive JSON (the HTTP transport)').not.toThrow();
        return;
      }
      const { error } = result;
      expect(errorCodes, `unknown error code ${error.code}`).toContain(error.code);
      expect(error.code, `INTERNAL from ${run.channel}: ${error.message}`).not.toBe('INTERNAL');
      expect(typeof error.message).toBe('string');
      for (const issue of error.issues ?? []) expect(issue).toEqual({ path: expect.any(String), code: expect.any(String), message: expect.any(String) });
      expect(after, `the failed call (${error.code}) wrote something`).toEqual(before);
    }),
    { numRuns: run.numRuns, seed: seedOf(run.channel, run.base) },
  );
  expect(db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
}
