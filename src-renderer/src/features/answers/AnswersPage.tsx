import { keepPreviousData } from '@tanstack/react-query';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerCategory, ScreeningAnswer } from '../../../../src-shared/contract';
import { invoke } from '../../api/client';
import { useChannel } from '../../api/hooks';
import { Button, IconButton } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Field } from '../../ui/Field';
import { Kbd } from '../../ui/Kbd';
import { errorMessage } from '../../ui/issues';
import { useDebouncedValue } from '../../ui/useDebouncedValue';
import { useFormat } from '../../ui/format';
import { useToast } from '../../ui/toast';
import { AnswerForm, CategoryOptions } from './AnswerForm';
import { useCopyText } from './copy';
import './answers.css';

function Versions({ answerId }: { answerId: string }) {
  const { t } = useTranslation('answers');
  const format = useFormat();
  const detail = useChannel('answers.get', { id: answerId });
  return (
    <ol className="answer-versions" aria-label={t('versions')}>
      {detail.data?.versions.map((version) => (
        <li key={version.id}>
          <p className="muted">{t('versionLabel', { number: version.number, date: format.dateTime(version.createdAt) })}</p>
          <p className="answer-body">{version.body}</p>
        </li>
      ))}
    </ol>
  );
}

function AnswerItem({ answer }: { answer: ScreeningAnswer }) {
  const { t } = useTranslation(['answers', 'common']);
  const toast = useToast();
  const copy = useCopyText();
  const [mode, setMode] = useState<'edit' | 'versions' | null>(null);
  const remove = async () => {
    try {
      await invoke('answers.delete', { id: answer.id });
      toast.showUndo(t('deleted'), () => invoke('answers.restore', { id: answer.id }));
    } catch (error) {
      toast.show(errorMessage(t, error));
    }
  };
  // One key copies the answer in focus: C, as long as the focus is on the answer itself, not in a field.
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.target !== event.currentTarget || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'c' || event.key === 'C') {
      event.preventDefault();
      void copy(answer.body);
    }
  };
  if (mode === 'edit') {
    return <AnswerForm answer={answer} onDone={(saved) => { setMode(null); if (saved) toast.show(t('saved')); }} />;
  }
  return (
    <article className="card answer" tabIndex={0} aria-label={answer.question} aria-keyshortcuts="C" onKeyDown={onKeyDown}>
      <header className="answer-header">
        <h2>{answer.question}</h2>
        <span className="badge">{t(`category.${answer.category}`)}</span>
      </header>
      <p className="answer-body">{answer.body}</p>
      {answer.tags.length > 0 && (
        <ul className="answer-tags" aria-label={t('form.tags')}>
          {answer.tags.map((tag) => (
            <li key={tag} className="tag">
              {tag}
            </li>
          ))}
        </ul>
      )}
      <p className="muted">{t('meta', { version: answer.versionCount, count: answer.useCount })}</p>
      <div className="answer-actions">
        <Button icon="copy" variant="primary" aria-label={t('copyLabel', { question: answer.question })} onClick={() => void copy(answer.body)}>
          {t('copy')}
        </Button>
        <Button onClick={() => setMode('edit')}>{t('edit')}</Button>
        {answer.versionCount > 1 && (
          <Button aria-expanded={mode === 'versions'} onClick={() => setMode(mode === 'versions' ? null : 'versions')}>
            {t('versions')}
          </Button>
        )}
        <IconButton icon="trash" label={t('delete', { question: answer.question })} onClick={() => void remove()} />
      </div>
      {mode === 'versions' && <Versions answerId={answer.id} />}
    </article>
  );
}

/** Arrow keys move between the answers. */
function moveFocus(event: KeyboardEvent<HTMLUListElement>) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>('article.answer')];
  const index = items.indexOf(document.activeElement as HTMLElement);
  if (index < 0) return;
  const next = items[index + (event.key === 'ArrowDown' ? 1 : -1)];
  if (next) {
    event.preventDefault();
    next.focus();
  }
}

/** The library of screening answers: search, filter by kind of question, copy with one key, versions. */
export default function AnswersPage() {
  const { t } = useTranslation(['answers', 'common']);
  const format = useFormat();
  const [text, setText] = useState('');
  const [category, setCategory] = useState<AnswerCategory | ''>('');
  const [adding, setAdding] = useState(false);
  const query = useDebouncedValue(text.trim(), 150);
  const list = useChannel('answers.list', { query: query || undefined, category: category || undefined }, { placeholderData: keepPreviousData });
  const answers = list.data ?? [];
  const filtered = Boolean(query || category);
  return (
    <div className="page answers-page">
      <header className="page-header rec-page-header">
        <div>
          <h1>{t('title')}</h1>
          {list.data && <p className="muted">{t('count', { count: answers.length, formatted: format.number(answers.length) })}</p>}
        </div>
        {!adding && (
          <Button variant="primary" icon="plus" onClick={() => setAdding(true)}>
            {t('new')}
          </Button>
        )}
      </header>
      {adding && <AnswerForm onDone={() => setAdding(false)} />}
      <div className="answer-filters">
        <Field label={t('search')}>{(props) => <input className="input" type="search" {...props} value={text} onChange={(event) => setText(event.target.value)} />}</Field>
        <Field label={t('category.label')}>
          {(props) => (
            <select className="input" {...props} value={category} onChange={(event) => setCategory(event.target.value as AnswerCategory | '')}>
              <option value="">{t('allCategories')}</option>
              <CategoryOptions />
            </select>
          )}
        </Field>
      </div>
      {list.error && (
        <p className="rec-form-error" role="alert">
          {errorMessage(t, list.error)}
        </p>
      )}
      {list.isSuccess && answers.length === 0 && !adding && (
        filtered ? (
          <p className="muted">{t('empty.search')}</p>
        ) : (
          <EmptyState
            icon="message"
            title={t('empty.title')}
            actions={
              <Button variant="primary" onClick={() => setAdding(true)}>
                {t('new')}
              </Button>
            }
          >
            {t('empty.body')}
          </EmptyState>
        )
      )}
      {answers.length > 0 && (
        <>
          <p className="muted answer-hint">
            <Kbd name="C" /> {t('copyHint')}
          </p>
          <ul className="answer-list" aria-label={t('listLabel')} onKeyDown={moveFocus}>
            {answers.map((answer) => (
              <li key={answer.id}>
                <AnswerItem answer={answer} />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
