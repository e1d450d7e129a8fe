import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AnswerUse } from '../../../../src-shared/contract';
import { invoke } from '../../api/client';
import { useAction, useChannel } from '../../api/hooks';
import { Button, IconButton } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { errorMessage } from '../../ui/issues';
import { useToast } from '../../ui/toast';
import { useCopyText } from './copy';
import './answers.css';

/** The screening answers given on one application (the version that company got), and a way to record another. */
export function ApplicationAnswers({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation(['answers', 'common']);
  const headingId = useId();
  const toast = useToast();
  const copy = useCopyText();
  const given = useChannel('answers.forApplication', { applicationId });
  const [picking, setPicking] = useState(false);
  const library = useChannel('answers.list', {}, { enabled: picking });
  const use = useAction('answers.use');
  const [answerId, setAnswerId] = useState('');
  const [asked, setAsked] = useState('');

  const record = (event: FormEvent) => {
    event.preventDefault();
    if (!answerId) return;
    use.mutate(
      { applicationId, answerId, question: asked },
      {
        onSuccess: () => {
          setPicking(false);
          setAnswerId('');
          setAsked('');
        },
      },
    );
  };
  const remove = async (item: AnswerUse) => {
    try {
      await invoke('answers.unuse', { id: item.id });
      toast.showUndo(t('given.removed'), () => invoke('answers.restoreUse', { id: item.id }));
    } catch (error) {
      toast.show(errorMessage(t, error));
    }
  };
  const items = given.data ?? [];

  return (
    <section className="card side-section application-answers" aria-labelledby={headingId}>
      <header className="rec-embedded-header">
        <h2 className="section-title" id={headingId}>
          {t('given.title')}
        </h2>
        {!picking && (
          <Button size="sm" onClick={() => setPicking(true)}>
            {t('common:actions.add')}
          </Button>
        )}
      </header>
      {given.error && (
        <p className="rec-form-error" role="alert">
          {errorMessage(t, given.error)}
        </p>
      )}
      {given.isSuccess && items.length === 0 && !picking && <p className="muted">{t('given.none')}</p>}
      {items.length > 0 && (
        <ul className="given-list" aria-label={t('given.title')}>
          {items.map((item) => (
            <li key={item.id} aria-label={item.question}>
              <p className="given-question">{item.question}</p>
              <p className="answer-body">{item.body}</p>
              <p className="muted">{t(item.outdated ? 'given.outdated' : 'given.version', { number: item.versionNumber })}</p>
              <div className="answer-actions">
                <Button size="sm" icon="copy" aria-label={t('copyLabel', { question: item.question })} onClick={() => void copy(item.body)}>
                  {t('copy')}
                </Button>
                <IconButton size="sm" icon="trash" label={t('given.remove', { question: item.question })} onClick={() => void remove(item)} />
              </div>
            </li>
          ))}
        </ul>
      )}
      {picking && (
        <form className="answer-pick" aria-label={t('given.pick')} onSubmit={record}>
          {library.isSuccess && library.data.length === 0 ? (
            <p className="muted">
              {t('given.empty')} <Link to="/answers">{t('given.library')}</Link>
            </p>
          ) : (
            <>
              <Field label={t('given.pick')}>
                {(props) => (
                  <select className="input" {...props} value={answerId} onChange={(event) => setAnswerId(event.target.value)} autoFocus>
                    <option value="">{t('given.pickNone')}</option>
                    {library.data?.map((answer) => (
                      <option key={answer.id} value={answer.id}>
                        {answer.question}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={t('given.asked')}>{(props) => <input className="input" {...props} value={asked} onChange={(event) => setAsked(event.target.value)} />}</Field>
            </>
          )}
          {use.error && (
            <p className="rec-form-error" role="alert">
              {errorMessage(t, use.error)}
            </p>
          )}
          <div className="answer-form-actions">
            <Button size="sm" onClick={() => setPicking(false)}>
              {t('common:actions.cancel')}
            </Button>
            <Button size="sm" type="submit" variant="primary" disabled={!answerId || use.isPending}>
              {t('given.record')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
