import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentLimits } from '../../src-shared/contract';
import { storedPath } from '../../src-main/documents/files';
import { documentPathForViewer } from '../../src-main/documents/viewer';
import { openTempApp, type TempApp } from '../support/temp-app';
import { fingerprint, upload } from '../imports/support/files';

let app: TempApp;
let applicationId: string;
let otherId: string;
beforeEach(async () => {
  app = await openTempApp();
  applicationId = (await app.api.invoke('applications.create', { companyName: 'Acme', position: 'Developer' })).id;
  otherId = (await app.api.invoke('applications.create', { companyName: 'Globex', position: 'Tester' })).id;
});
afterEach(() => app.close());

const cv = Buffer.from('%PDF-1.7\n% a CV\n');

describe('documents', () => {
  it('stores a file once by content hash, and links the same file instead of adding it twice', async () => {
    const first = await app.api.invoke('documents.add', { source: upload(cv, 'CV Camille.pdf'), kind: 'cv', applicationIds: [applicationId] });
    expect(first).toMatchObject({
      existing: false,
      document: { name: 'CV Camille.pdf', kind: 'cv', mimeType: 'application/pdf', sizeBytes: cv.length, fileAvailable: true, applications: [{ id: applicationId, companyName: 'Acme' }] },
    });
    const file = storedPath(app.dir, first.document.sha256);
    expect(path.relative(app.dir, file)).toBe(path.join('documents', first.document.sha256.slice(0, 2), first.document.sha256));
    expect(fs.readFileSync(file)).toEqual(cv);

    const again = await app.api.invoke('documents.add', { source: upload(cv, 'copy.pdf'), kind: 'other', applicationIds: [otherId] });
    expect(again).toMatchObject({ existing: true, document: { id: first.document.id, name: 'CV Camille.pdf' } });
    expect(again.document.applications.map((application) => application.id).sort()).toEqual([applicationId, otherId].sort());
    expect(fs.readdirSync(path.dirname(file))).toEqual([first.document.sha256]);
  });

  it('lists per application or all, by kind; links and unlinks', async () => {
    const { document: letter } = await app.api.invoke('documents.add', { source: upload('Madame, Monsieur…', 'lettre.txt'), kind: 'cover_letter', applicationIds: [applicationId] });
    await app.api.invoke('documents.add', { source: upload(cv, 'cv.pdf'), kind: 'cv', applicationIds: [] });
    expect((await app.api.invoke('documents.list', {})).map((document) => document.name).sort()).toEqual(['cv.pdf', 'lettre.txt']);
    expect((await app.api.invoke('documents.list', { applicationId })).map((document) => document.name)).toEqual(['lettre.txt']);
    expect((await app.api.invoke('documents.list', { kind: 'cv' })).map((document) => document.name)).toEqual(['cv.pdf']);

    await app.api.invoke('documents.link', { id: letter.id, applicationIds: [otherId] });
    expect((await app.api.invoke('documents.list', { applicationId: otherId })).map((document) => document.id)).toEqual([letter.id]);
    await app.api.invoke('documents.unlink', { id: letter.id, applicationIds: [applicationId] });
    expect(await app.api.invoke('documents.list', { applicationId })).toEqual([]);
    // Linking again brings the old link back instead of adding a second one.
    await app.api.invoke('documents.link', { id: letter.id, applicationIds: [applicationId] });
    expect(app.context.db.sqlite.prepare(`SELECT count(*) FROM application_documents WHERE document_id = ?`).pluck().get(letter.id)).toBe(2);
  });

  it('deletes softly and restores, with its links', async () => {
    const { document } = await app.api.invoke('documents.add', { source: upload(cv, 'cv.pdf'), kind: 'cv', applicationIds: [applicationId] });
    await app.api.invoke('documents.delete', { id: document.id });
    expect(await app.api.invoke('documents.list', { applicationId })).toEqual([]);
    expect((await app.api.invoke('documents.list', { deleted: true })).map((item) => item.id)).toEqual([document.id]);
    await expect(app.api.invoke('documents.content', { id: document.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const restored = await app.api.invoke('documents.restore', { id: document.id });
    expect(restored).toMatchObject({ deletedAt: null, applications: [{ id: applicationId }] });
  });

  it('gives the content back for a download, and says when the file is missing or damaged', async () => {
    const { document } = await app.api.invoke('documents.add', { source: upload(cv, 'cv.pdf'), kind: 'cv', applicationIds: [] });
    const content = await app.api.invoke('documents.content', { id: document.id });
    expect(content).toMatchObject({ name: 'cv.pdf', mimeType: 'application/pdf', sizeBytes: cv.length });
    expect(Buffer.from(content.content, 'base64')).toEqual(cv);

    fs.writeFileSync(storedPath(app.dir, document.sha256), 'tampered');
    await expect(app.api.invoke('documents.content', { id: document.id })).rejects.toMatchObject({ details: { reason: 'file_damaged' } });
    fs.rmSync(storedPath(app.dir, document.sha256));
    await expect(app.api.invoke('documents.content', { id: document.id })).rejects.toMatchObject({ code: 'NOT_FOUND', details: { reason: 'file_missing' } });
    expect((await app.api.invoke('documents.list', {}))[0].fileAvailable).toBe(false);
  });

  it('refuses a file above the size limit or empty, and an unknown application, writing nothing', async () => {
    const before = fingerprint(app);
    const big = path.join(app.dir, 'big.pdf');
    fs.closeSync(fs.openSync(big, 'w'));
    fs.truncateSync(big, documentLimits.maxFileBytes + 1);
    await expect(app.api.invoke('documents.add', { source: { path: big }, kind: 'cv' })).rejects.toMatchObject({
      code: 'TOO_LARGE',
      details: { reason: 'file_too_large', limit: documentLimits.maxFileBytes },
    });
    await expect(app.api.invoke('documents.add', { source: upload('', 'empty.pdf'), kind: 'cv' })).rejects.toMatchObject({ details: { reason: 'empty_file' } });
    await expect(
      app.api.invoke('documents.add', { source: upload(cv, 'cv.pdf'), kind: 'cv', applicationIds: ['01900000-0000-7000-8000-000000000000'] }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(fingerprint(app)).toBe(before);
    expect(fs.existsSync(path.join(app.dir, 'documents'))).toBe(false);
  });

  it('renames and changes the kind', async () => {
    const { document } = await app.api.invoke('documents.add', { source: upload(cv, 'cv.pdf'), kind: 'other', applicationIds: [] });
    expect(await app.api.invoke('documents.update', { id: document.id, patch: { name: 'CV 2024 (FR)', kind: 'cv' } })).toMatchObject({ name: 'CV 2024 (FR)', kind: 'cv' });
  });

  it('hands the desktop viewer a copy under the document’s own name, inside the data folder', async () => {
    const { document } = await app.api.invoke('documents.add', { source: upload(cv, 'cv.pdf'), name: '../../CV: final?.pdf', kind: 'cv', applicationIds: [] });
    const viewable = await documentPathForViewer(app.context, document.id);
    expect(path.relative(app.dir, viewable).startsWith('..')).toBe(false);
    expect(path.basename(viewable)).toBe('CV_ final_.pdf');
    expect(fs.readFileSync(viewable)).toEqual(cv);
  });

  it('travels in the JSON backup (rows; the files stay in the data folder)', async () => {
    const { document } = await app.api.invoke('documents.add', { source: upload(cv, 'cv.pdf'), kind: 'cv', applicationIds: [applicationId] });
    const exported = await app.api.invoke('exports.json', {});
    if (exported.kind !== 'content') throw new Error('expected content');
    const other = await openTempApp();
    try {
      await other.api.invoke('imports.run', { source: upload(exported.content, 'backup.json') });
      const [restored] = await other.api.invoke('documents.list', {});
      expect(restored).toMatchObject({ id: document.id, name: 'cv.pdf', fileAvailable: false, applications: [{ id: applicationId }] });
    } finally {
      other.close();
    }
  });
});
