import { useRef, useState, type DragEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { maxPostingHtmlChars } from '../../../../src-shared/contract';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Icon } from '../../ui/Icon';

export interface CaptureInputs {
  link: string;
  html: string;
  htmlUrl: string;
}

interface CaptureSourcesProps {
  inputs: CaptureInputs;
  onChange(inputs: CaptureInputs): void;
  onReadLink(url: string): void;
  onReadHtml(html: string, url: string | undefined): void;
}

const htmlFile = (file: File) => /\.x?html?$/i.test(file.name) || file.type === 'text/html' || file.type === 'application/xhtml+xml';

/**
 * The two ways in, side by side: a link Candid fetches, or the page itself (pasted, or a saved .html dropped or
 * opened). Each explains itself, so the screen is its own empty state.
 */
export function CaptureSources({ inputs, onChange, onReadLink, onReadHtml }: CaptureSourcesProps) {
  const { t } = useTranslation('capture');
  const [linkError, setLinkError] = useState<string>();
  const [htmlError, setHtmlError] = useState<string>();
  const [fileNotice, setFileNotice] = useState<string>();
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const linkInput = useRef<HTMLInputElement>(null);
  const htmlInput = useRef<HTMLTextAreaElement>(null);

  const readLink = (event: FormEvent) => {
    event.preventDefault();
    const url = inputs.link.trim();
    if (!url) {
      setLinkError(t('html.linkRequired'));
      linkInput.current?.focus();
      return;
    }
    setLinkError(undefined);
    onReadLink(url);
  };
  const readHtml = (event: FormEvent) => {
    event.preventDefault();
    if (!inputs.html.trim()) {
      setHtmlError(t('html.required'));
      htmlInput.current?.focus();
      return;
    }
    setHtmlError(undefined);
    onReadHtml(inputs.html, inputs.htmlUrl.trim() || undefined);
  };

  const loadFile = async (file: File | undefined) => {
    if (!file) return;
    setHtmlError(undefined);
    setFileNotice(undefined);
    if (!htmlFile(file)) return setHtmlError(t('html.notHtmlFile', { name: file.name }));
    // Bytes bound the characters from above: a file under the limit in bytes is under it in characters too.
    if (file.size > maxPostingHtmlChars) return setHtmlError(t('html.fileTooLarge', { name: file.name }));
    onChange({ ...inputs, html: await file.text() });
    setFileNotice(t('html.loaded', { name: file.name }));
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void loadFile(event.dataTransfer.files[0]);
  };

  return (
    <div className="capture-ways" role="group" aria-label={t('waysLabel')}>
      <form className="card capture-way" onSubmit={readLink} noValidate aria-labelledby="capture-link-title">
        <h2 id="capture-link-title" className="capture-way-title">
          <Icon name="external" />
          {t('link.title')}
        </h2>
        <p className="muted">{t('link.text')}</p>
        <Field label={t('link.label')} error={linkError}>
          {(props) => (
            <input
              ref={linkInput}
              className="input"
              type="url"
              inputMode="url"
              autoComplete="off"
              placeholder={t('link.placeholder')}
              {...props}
              value={inputs.link}
              onChange={(event) => onChange({ ...inputs, link: event.target.value })}
            />
          )}
        </Field>
        <div className="capture-way-actions">
          <Button type="submit" variant="primary" icon="download">
            {t('link.read')}
          </Button>
        </div>
      </form>

      <form
        className={['card', 'capture-way', dragging ? 'is-dragging' : ''].join(' ')}
        onSubmit={readHtml}
        noValidate
        aria-labelledby="capture-html-title"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <h2 id="capture-html-title" className="capture-way-title">
          <Icon name="copy" />
          {t('html.title')}
        </h2>
        <p className="muted">{t('html.text')}</p>
        <Field label={t('html.label')} error={htmlError} hint={fileNotice ?? t('html.drop')}>
          {(props) => (
            <textarea
              ref={htmlInput}
              className="textarea capture-html"
              rows={6}
              spellCheck={false}
              {...props}
              value={inputs.html}
              onChange={(event) => {
                setFileNotice(undefined);
                onChange({ ...inputs, html: event.target.value });
              }}
            />
          )}
        </Field>
        <Field label={t('html.url')} hint={t('html.urlHint')}>
          {(props) => (
            <input
              className="input"
              type="url"
              inputMode="url"
              autoComplete="off"
              placeholder={t('link.placeholder')}
              {...props}
              value={inputs.htmlUrl}
              onChange={(event) => onChange({ ...inputs, htmlUrl: event.target.value })}
            />
          )}
        </Field>
        <div className="capture-way-actions">
          <input
            ref={fileInput}
            type="file"
            accept=".html,.htm,.xhtml,text/html"
            hidden
            onChange={(event) => {
              void loadFile(event.target.files?.[0]);
              event.target.value = '';
            }}
          />
          <Button icon="folder" onClick={() => fileInput.current?.click()}>
            {t('html.file')}
          </Button>
          <Button type="submit" variant="primary" icon="download">
            {t('html.read')}
          </Button>
        </div>
      </form>
    </div>
  );
}
