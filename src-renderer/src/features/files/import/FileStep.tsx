import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { importLimits, type FileSource } from '../../../../../src-shared/contract';
import { Button } from '../../../ui/Button';
import { Icon } from '../../../ui/Icon';
import { formatBytes, isDesktop, pickWithDialog, uploadedSource, uploadLimit } from './upload';

const extensions = ['csv', 'tsv', 'txt', 'xlsx', 'xlsm', 'json'];

/** Step 1: choose the file (native dialog in the desktop app, file input or drop anywhere). */
export function FileStep({ onPicked, error }: { onPicked: (source: FileSource, bytes: number | null) => void; error: string | null }) {
  const { t, i18n } = useTranslation('files');
  const input = useRef<HTMLInputElement>(null);
  const [reading, setReading] = useState<string | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const limit = uploadLimit(importLimits.maxFileBytes);
  const size = (bytes: number) => formatBytes(bytes, i18n.language);

  const take = async (file: File) => {
    setLocalError(null);
    // Refused here, before reading it: the transport would refuse it anyway, with a less helpful message.
    if (file.size > limit) {
      const key = isDesktop() || limit >= importLimits.maxFileBytes ? 'imports.errors.file_too_large' : 'imports.file.tooLargeForBrowser';
      setLocalError(t(key, { fileName: file.name, size: size(file.size), limit: size(limit) }));
      return;
    }
    setReading(file.name);
    try {
      onPicked(await uploadedSource(file), file.size);
    } catch {
      setLocalError(t('imports.errors.not_a_file', { fileName: file.name }));
    } finally {
      setReading(null);
    }
  };

  const choose = async () => {
    if (!isDesktop()) return input.current?.click();
    const source = await pickWithDialog({ title: t('imports.file.dialogTitle'), filterName: t('imports.file.filterName'), extensions });
    if (source) onPicked(source, null);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void take(file);
  };

  const message = localError ?? error;
  return (
    <section
      className="card imp-drop"
      data-dragging={dragging || undefined}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <div className="imp-drop-icon">
        <Icon name="upload" size={28} />
      </div>
      <div className="imp-drop-actions">
        <Button variant="primary" icon="folder" onClick={() => void choose()} disabled={reading !== null}>
          {t('imports.file.choose')}
        </Button>
        <span className="muted">{t('imports.file.drop')}</span>
      </div>
      <input
        ref={input}
        type="file"
        className="imp-file-input"
        accept={extensions.map((extension) => `.${extension}`).join(',')}
        aria-label={t('imports.file.choose')}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void take(file);
        }}
      />
      <p className="muted">{t('imports.file.formats')}</p>
      <p className="muted imp-small">
        {/* The browser's own limit is said only where it is lower than the desktop app's. */}
        {isDesktop() || limit >= importLimits.maxFileBytes
          ? t('imports.file.limit', { size: size(limit) })
          : t('imports.file.limitBrowser', { size: size(limit), desktopSize: size(importLimits.maxFileBytes) })}
      </p>
      {reading && (
        <p role="status" className="imp-small">
          {t('imports.file.reading', { fileName: reading })}
        </p>
      )}
      {message && (
        <p className="notice notice-error" role="alert">
          {message}
        </p>
      )}
    </section>
  );
}
