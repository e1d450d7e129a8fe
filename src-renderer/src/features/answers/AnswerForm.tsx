import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { answerCategories, type AnswerCategory, type AnswerDetail, type ScreeningAnswer } from '../../../../src-shared/contract';
import { useAction } from '../../api/hooks';
import { Button } from '../../ui/Button';
import { ChipsInput } from '../../ui/ChipsInput';
import { Field } from '../../ui/Field';
import { errorsByField, unplacedError } from '../shared/fieldErrors';
import { FormError } from '../shared/FormError';

/** A new answer, or an edit of one (a changed text is kept by the handler as a new version). */
/** The kinds of question, as options of a <select>. */
export function CategoryOptions() {
  const { t } = useTranslation('answers');
  return answerCategories.map((value) => (
    <option key={value} value={value}>
      {t(`category.${value}`)}
    </option>
  ));
}

export function AnswerForm({ answer, onDone }: { answer?: ScreeningAnswer; onDone: (saved?: AnswerDetail) => void }) {
  const { t } = useTranslation(['answers', 'common']);
  const create = useAction('answers.create');
  const update = useAction('answers.update');
  const action = answer ? update : create;
  const [question, setQuestion] = useState(answer?.question ?? '');
  const [category, setCategory] = useState<AnswerCategory>(answer?.category ?? 'why_company');
  const [tags, setTags] = useState<string[]>(answer?.tags ?? []);
  const [body, setBody] = useState(answer?.body ?? '');
  const errors = Object.fromEntries(Object.entries(errorsByField(t, action.error)).map(([path, message]) => [path.replace(/^patch\./, ''), message]));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields = { question, category, tags, body };
    if (answer) update.mutate({ id: answer.id, patch: fields }, { onSuccess: onDone });
    else create.mutate(fields, { onSuccess: onDone });
  };
  return (
    <form className="card answer-form" aria-label={t('form.label')} onSubmit={submit} noValidate>
      <Field label={t('form.question')} error={errors.question}>
        {(props) => <input className="input" {...props} value={question} onChange={(event) => setQuestion(event.target.value)} autoFocus />}
      </Field>
      <div className="answer-form-row">
        <Field label={t('category.label')} error={errors.category}>
          {(props) => (
            <select className="input" {...props} value={category} onChange={(event) => setCategory(event.target.value as AnswerCategory)}>
              <CategoryOptions />
            </select>
          )}
        </Field>
        <Field label={t('form.tags')} error={errors.tags}>
          {(props) => <ChipsInput {...props} values={tags} onChange={setTags} />}
        </Field>
      </div>
      <Field label={t('form.body')} error={errors.body} hint={answer ? t('form.bodyHint') : undefined}>
        {(props) => <textarea className="input" rows={6} {...props} value={body} onChange={(event) => setBody(event.target.value)} />}
      </Field>
      <FormError message={unplacedError(t, action.error, errors)} />
      <div className="answer-form-actions">
        <Button onClick={() => onDone()}>{t('common:actions.cancel')}</Button>
        <Button type="submit" variant="primary" disabled={action.isPending}>
          {answer ? t('form.save') : t('form.create')}
        </Button>
      </div>
    </form>
  );
}
