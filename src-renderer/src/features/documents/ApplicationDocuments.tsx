import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Document, DocumentKind, FileSource } from '../../../../src-shared/contract';
import { documentLimits } from '../../../../src-shared/contract/document-limits';
import { documentKinds } from '../../../../src-shared/contract/enums';
import { invoke } from '../../api/client';
import { useChannel } from '../../api/hooks';
import { Button, IconButton } from '../../ui/Button';
import { useFormat } from '../../ui/format';
import { useToast } from '../../ui/toast';
import { downloadBase64, formatBytes, isDesktop, pickWithDialog, uploadedSource, uploadLimit } from '../files/import/upload';
import { documentErrorMessage } from './messages';
import '../shared/records.css';
import './documents.css';

/**
 * The documents of one application (CV, cover letter …), for the application detail: attach a file or one already
 * attached elsewhere, download it, detach it, delete it (with Undo).
 */
export function ApplicationDocuments({ applicationId }: { applicationId: string }) {
  const { t, i18n } = useTranslation('documents');
  const headingId = useId();
  const toast = useToast();
  const format = useFormat();
  const fileInput = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<DocumentKind>('cv');
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const linked = useChannel('documents.list', { applicationId });
  const all = useChannel('documents.list', {});
  const documents = linked.data ?? [];
  const linkedIds = new Set(documents.map((document) => document.id));
  const others = (all.data ?? []).filter((document) => !linkedIds.has(document.id));
  const limit = uploadLimit(documentLimits.maxFileBytes);
  const size = (bytes: number) => formatBytes(bytes, i18n.language);

  const attempt = async (action: () => Promise<void>) => {
    setProblem(null);
    try {
      await action();
    } catch (error) {
      setProblem(documentErrorMessage(t, error, i18n.language));
    }
  };

  const add = (source: FileSource, fileName: string) =>
    attempt(async () => {
      setBusy(fileName);
      try {
        const { document, existing } = await invoke('documents.add', { source, kind, applicationIds: [applicationId] });
        toast.show(existing ? t('existing', { name: document.name }) : t('added_toast', { name: document.name }));
      } finally {
        setBusy(null);
      }
    });

  const takeFile = (file: File) => {
    if (file.size > limit) {
      setProblem(t(isDesktop() ? 'errors.file_too_large' : 'tooLargeForBrowser', { fileName: file.name, size: size(file.size), limit: size(limit) }));
      return;
    }
    void attempt(async () => add(await uploadedSource(file), file.name));
  };

  const choose = async () => {
    if (!isDesktop()) return fileInput.current?.click();
    const source = await pickWithDialog({ title: t('dialogTitle'), filterName: t('title'), extensions: ['*'] });
    if (source) void add(source, source.fileName ?? '');
  };

  const download = (document: Document) =>
    attempt(async () => {
      const content = await invoke('documents.content', { id: document.id });
      downloadBase64(content.content, content.name, content.mimeType);
    });

  const detach = (document: Document) =>
    attempt(async () => {
      await invoke('documents.unlink', { id: document.id, applicationIds: [applicationId] });
      toast.showUndo(t('detached', { name: document.name }), () => invoke('documents.link', { id: document.id, applicationIds: [applicationId] }));
    });

  const remove = (document: Document) =>
    attempt(async () => {
      await invoke('documents.delete', { id: document.id });
      toast.showUndo(t('deleted', { name: document.name }), () => invoke('documents.restore', { id: document.id }));
    });

  return (
    <section className="card side-section rec-embedded doc-section" aria-labelledby={headingId}>
      <header className="rec-embedded-header">
        <h2 className="section-title" id={headingId}>
          {t('title')}
        </h2>
      </header>
      {(problem || linked.error) && (
        <p className="notice notice-error" role="alert">
          {problem ?? documentErrorMessage(t, linked.error, i18n.language)}
        </p>
      )}
      {linked.isSuccess && documents.length === 0 && <p className="muted">{t('empty')}</p>}
      {documents.length > 0 && (
        <ul className="doc-list">
          {documents.map((document) => {
            const elsewhere = document.applications.filter((application) => application.id !== applicationId).length;
            return (
              <li key={document.id} className="doc-item">
                <div className="doc-main">
                  <span className="doc-name" title={document.name} dir="auto">
                    {document.name}
                  </span>
                  <span className="muted doc-meta">
                    <span className="tag doc-kind">{t(`common:documentKind.${document.kind}`)}</span> {size(document.sizeBytes)} · {t('added', { date: format.date(document.createdAt) })}
                    {elsewhere > 0 && ` · ${t('alsoLinked', { count: elsewhere })}`}
                    {!document.fileAvailable && ` · ${t('missingFile')}`}
                  </span>
                </div>
                <div className="doc-actions">
                  <IconButton size="sm" icon="download" label={t('download', { name: document.name })} disabled={!document.fileAvailable} onClick={() => void download(document)} />
                  <IconButton size="sm" icon="close" label={t('detach', { name: document.name })} onClick={() => void detach(document)} />
                  <IconButton size="sm" icon="trash" variant="ghost" label={t('delete', { name: document.name })} onClick={() => void remove(document)} />
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <div className="doc-add">
        <select className="select select-sm doc-kind-select" aria-label={t('kind')} value={kind} onChange={(event) => setKind(event.target.value as DocumentKind)}>
          {documentKinds.map((option) => (
            <option key={option} value={option}>
              {t(`common:documentKind.${option}`)}
            </option>
          ))}
        </select>
        <Button size="sm" icon="upload" onClick={() => void choose()} disabled={busy !== null}>
          {t('attach')}
        </Button>
        <input
          ref={fileInput}
          type="file"
          className="doc-file-input"
          aria-label={t('attach')}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) takeFile(file);
          }}
        />
      </div>
      {others.length > 0 && (
        <select
          className="select select-sm"
          aria-label={t('attachExisting')}
          value=""
          onChange={(event) => void attempt(() => invoke('documents.link', { id: event.target.value, applicationIds: [applicationId] }).then(() => undefined))}
        >
          <option value="" disabled>
            {t('attachExisting')}
          </option>
          {others.map((document) => (
            <option key={document.id} value={document.id}>
              {t(`common:documentKind.${document.kind}`)} · {document.name}
            </option>
          ))}
        </select>
      )}
      {busy ? (
        <p className="muted doc-hint" role="status">
          {t('adding', { fileName: busy })}
        </p>
      ) : (
        <p className="muted doc-hint">{t('limit', { size: size(limit) })}</p>
      )}
    </section>
  );
}
