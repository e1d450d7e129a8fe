import { useCallback, useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../ui/issues';
import { errorsByField } from './fieldErrors';

type Values = Record<string, unknown>;

/**
 * State of one record form. Values are kept as the inputs hold them (strings, booleans); the form converts them
 * to the contract's input when saving. The handler validates with the contract's zod schema, so its issues are
 * the only validation: they come back next to their field, translated; anything else becomes the form's error.
 */
export function useRecordForm<V extends Values>(initial: V, options: { otherFields?: string[] } = {}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // After a failed save, the keyboard goes to the first field to fix once the errors are committed to the page
  // (an effect, not an animation frame: a page the browser is not drawing gets no frames).
  const submittedForm = useRef<HTMLFormElement | null>(null);
  const [fixRequest, setFixRequest] = useState(0);
  useEffect(() => {
    if (fixRequest > 0) submittedForm.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [fixRequest]);

  const set = useCallback(<K extends keyof V>(name: K, value: V[K]) => {
    setValues((current) => ({ ...current, [name]: value }));
    // The user is fixing this field: its old message no longer applies.
    setErrors((current) => (name in current ? Object.fromEntries(Object.entries(current).filter(([key]) => key !== name)) : current));
  }, []);

  /** Props for a text-like input, select or textarea bound to a string field. */
  const text = (name: keyof V & string) => ({
    name,
    value: values[name] as string,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => set(name, event.target.value as V[typeof name]),
  });

  const fail = (error: unknown) => {
    const fields = errorsByField(t, error);
    setErrors(fields);
    // Fields that show their own error: the values, plus controls kept outside them (pickers).
    const hasSlot = (field: string) => field in initial || (options.otherFields ?? []).includes(field);
    const shown = Object.keys(fields).filter(hasSlot);
    const hidden = Object.entries(fields).filter(([field]) => !hasSlot(field));
    if (shown.length === 0 || hidden.length > 0) {
      setFormError([errorMessage(t, error), ...hidden.map(([, message]) => message)].join(' '));
    }
  };

  /** Handles a submit: runs `save`, then `onSaved`; on failure shows the errors and keeps what was typed. */
  const submit = async (event: FormEvent | undefined, save: (values: V) => Promise<unknown>, onSaved?: () => void) => {
    event?.preventDefault();
    if (pending) return;
    const formElement = event?.currentTarget instanceof HTMLFormElement ? event.currentTarget : null;
    setPending(true);
    setErrors({});
    setFormError(null);
    try {
      await save(values);
      onSaved?.();
    } catch (error) {
      fail(error);
      submittedForm.current = formElement;
      setFixRequest((count) => count + 1);
    } finally {
      setPending(false);
    }
  };

  const reset = useCallback((next: V) => {
    setValues(next);
    setErrors({});
    setFormError(null);
  }, []);

  return { values, set, text, errors, formError, pending, submit, reset };
}

/** Empty inputs mean "none" for optional fields. */
export const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** A number input's text as a whole number, null when empty, NaN kept so the handler names the problem. */
export const integerOrNull = (value: string): number | null => (value.trim() === '' ? null : Number(value));
