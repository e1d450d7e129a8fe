import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApplicationInput, updateApplicationInput } from '../../src-shared/contract';
import { resources } from '../../src-shared/i18n';
import { emptyValues, toCreateInput, toPatch, type ApplicationFormValues } from '../../src-renderer/src/features/applications/detail/formModel';
import { fieldErrors } from '../../src-renderer/src/ui/issues';

const stageId = '00000000-0000-7000-8000-000000000002';
const companyId = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const base = (): ApplicationFormValues => ({ ...emptyValues({ salaryCurrency: 'EUR', stage: { id: stageId, category: 'applied' } }), appliedOn: '2025-03-01' });

let t: typeof i18next.t;
let tFr: typeof i18next.t;
beforeAll(async () => {
  const en = i18next.createInstance();
  await en.init({ lng: 'en', resources, ns: Object.keys(resources.en), defaultNS: 'common', interpolation: { escapeValue: false } });
  t = en.t;
  const fr = i18next.createInstance();
  await fr.init({ lng: 'fr', resources, ns: Object.keys(resources.fr), defaultNS: 'common', interpolation: { escapeValue: false } });
  tFr = fr.t;
});

/** What the form shows under each field for these values: the contract's schema, translated. */
function errorsOnCreate(values: ApplicationFormValues, translate = t) {
  const result = createApplicationInput.safeParse(toCreateInput(values));
  return result.success ? {} : fieldErrors(translate, result.error.issues);
}

describe('the application form against the contract', () => {
  it('accepts a minimal new application with a new company name', () => {
    const values = { ...base(), companyName: 'Acme', position: 'Developer' };
    const parsed = createApplicationInput.parse(toCreateInput(values));
    expect(parsed).toMatchObject({ companyName: 'Acme', position: 'Developer', appliedOn: '2025-03-01', stageId, salaryCurrency: 'EUR', location: null });
  });

  it('names each wrong field, in the user language', () => {
    const values = { ...base(), position: '', postingUrl: 'not a url', salaryMin: '60000', salaryMax: '50000', salaryCurrency: 'eu', experienceYears: '2.5' };
    expect(errorsOnCreate(values)).toEqual({
      position: 'Required.',
      postingUrl: 'Enter a full web address starting with http:// or https://.',
      salaryCurrency: 'Use a three-letter currency code such as EUR.',
      experienceYears: 'Enter a whole number.',
    });
    expect(errorsOnCreate(values, tFr).postingUrl).toBe('Saisissez une adresse web complète commençant par http:// ou https://.');
    // The rules across fields (a company, salary order) are checked by the contract once each field is valid.
    const fieldsFixed = { ...values, position: 'Developer', postingUrl: '', salaryCurrency: 'EUR', experienceYears: '2' };
    expect(errorsOnCreate(fieldsFixed)).toEqual({
      companyName: 'Choose a company or type a new name.',
      salaryMax: 'The maximum must not be below the minimum.',
    });
    expect(errorsOnCreate({ ...fieldsFixed, companyName: 'Acme', salaryMax: '70000' })).toEqual({});
  });

  it('refuses text where a number is expected and says so', () => {
    expect(errorsOnCreate({ ...base(), companyName: 'Acme', position: 'Dev', salaryMin: 'abc' })).toEqual({ salaryMin: 'Enter a number.' });
  });

  it('sends only what changed on update, and both salary ends together', () => {
    const initial = { ...base(), companyId, companyName: 'Acme', position: 'Developer', salaryMin: '40000', salaryMax: '50000' };
    expect(toPatch({ ...initial, notes: 'Call back Monday' }, initial)).toEqual({ notes: 'Call back Monday' });
    expect(toPatch({ ...initial, salaryMax: '45000' }, initial)).toEqual({ salaryMin: 40000, salaryMax: 45000 });
    expect(toPatch({ ...initial, companyId: '', companyName: 'Globex' }, initial)).toEqual({ companyName: 'Globex' });
    expect(toPatch({ ...initial, location: '' }, initial)).toEqual({});
  });

  it('reports a cleared company as required on update, with the patch prefix removed from the field name', () => {
    const initial = { ...base(), companyId, companyName: 'Acme', position: 'Developer' };
    const result = updateApplicationInput.safeParse({ id: companyId, patch: toPatch({ ...initial, companyId: '', companyName: '  ' }, initial) });
    expect(result.success).toBe(false);
    expect(fieldErrors(t, result.error!.issues, ['patch'])).toEqual({ companyName: 'Required.' });
  });

  it('translates issues sent back by a handler (dotted paths)', () => {
    expect(fieldErrors(t, [{ path: 'patch.salaryMax', code: 'too_small', message: 'must not be below the minimum salary' }], ['patch'])).toEqual({
      salaryMax: 'The maximum must not be below the minimum.',
    });
  });
});
