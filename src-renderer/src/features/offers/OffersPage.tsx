import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  builtInCriteria,
  salaryPeriods,
  type ComparedOffer,
  type MoneyFigureInput,
  type OfferComparison,
  type OfferCriterion,
  type SalaryPeriod,
  type UpdateComparisonPatch,
} from '../../../../src-shared/contract';
import { invoke } from '../../api/client';
import { useChannel } from '../../api/hooks';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Field } from '../../ui/Field';
import { useFormat } from '../../ui/format';
import { errorMessage } from '../../ui/issues';
import { useToast } from '../../ui/toast';
import { localDay } from '../files/exportRun';
import { CommitInput } from './CommitInput';
import './offers.css';

/** A number typed the local way ("4 200,50" in French); null when empty or not a number. */
function parseNumber(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (cleaned === '') return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

/**
 * Offer comparison (issue 15, item 2): the offers of the applications at an offer stage side by side, scored out
 * of 20 on weighted criteria, with the year assumptions and exchange rates the money is normalised with. Every
 * field saves when the user leaves it; the best offer per criterion is marked with a word, not only a style.
 */
export default function OffersPage() {
  const { t } = useTranslation(['offers', 'common']);
  const list = useChannel('offers.list', undefined);
  const [chosen, setChosen] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const toast = useToast();
  const selectedId = chosen && list.data?.some((item) => item.id === chosen) ? chosen : (list.data?.[0]?.id ?? null);
  const comparison = useChannel('offers.get', selectedId ? { id: selectedId } : { id: '00000000-0000-7000-8000-000000000000' }, { enabled: selectedId !== null });

  const run = async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
    try {
      setProblem(null);
      return await work();
    } catch (error) {
      setProblem(errorMessage(t, error));
      return undefined;
    }
  };
  const create = async () => {
    const created = await run(() => invoke('offers.create', { name: t('newName', { date: localDay() }) }));
    if (created) setChosen(created.id);
  };
  const remove = async (target: OfferComparison) => {
    const done = await run(() => invoke('offers.delete', { id: target.id }));
    if (done) toast.showUndo(t('deleted', { name: target.name }), () => invoke('offers.restore', { id: target.id }));
  };

  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('title')}</h1>
      </header>
      {problem && (
        <p className="rec-form-error" role="alert">
          {problem}
        </p>
      )}
      {list.data && list.data.length === 0 ? (
        <EmptyState icon="briefcase" title={t('title')} actions={<Button variant="primary" icon="plus" onClick={() => void create()}>{t('newComparison')}</Button>}>
          {t('noComparison')}
        </EmptyState>
      ) : (
        <>
          <div className="offers-toolbar">
            <Field label={t('comparison')}>
              {(control) => (
                <select className="select" value={selectedId ?? ''} onChange={(event) => setChosen(event.target.value)} {...control}>
                  {list.data?.map((item) => (
                    <option key={item.id} value={item.id}>
                      {item.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Button icon="plus" onClick={() => void create()}>
              {t('newComparison')}
            </Button>
            {comparison.data && (
              <Button icon="trash" variant="danger" onClick={() => void remove(comparison.data)}>
                {t('delete')}
              </Button>
            )}
          </div>
          {comparison.data && <ComparisonView comparison={comparison.data} run={run} />}
        </>
      )}
    </div>
  );
}

type Run = <T>(work: () => Promise<T>) => Promise<T | undefined>;

function ComparisonView({ comparison, run }: { comparison: OfferComparison; run: Run }) {
  const { t } = useTranslation(['offers', 'common']);
  const format = useFormat();
  const update = (patch: UpdateComparisonPatch) => run(() => invoke('offers.update', { id: comparison.id, patch }));
  const criterionName = (criterion: OfferCriterion) => criterion.label ?? t(`criteria.names.${criterion.key as (typeof builtInCriteria)[number]}`);
  const [newRate, setNewRate] = useState('');
  const [newCriterion, setNewCriterion] = useState('');

  const setWeight = (key: string, weight: number) =>
    update({ criteria: comparison.criteria.map((criterion) => (criterion.key === key ? { ...criterion, weight } : criterion)) });
  const addCriterion = () => {
    const label = newCriterion.trim();
    if (!label) return;
    const key = `custom${Date.now().toString(36)}`;
    void update({ criteria: [...comparison.criteria, { key, weight: 1, label }] }).then(() => setNewCriterion(''));
  };
  const removeCriterion = (key: string) => update({ criteria: comparison.criteria.filter((criterion) => criterion.key !== key) });
  const addRate = () => {
    const code = newRate.trim().toUpperCase();
    if (!/^[A-Z]{3}$/.test(code) || code === comparison.currency) return;
    void update({ rates: { ...comparison.rates, [code]: comparison.rates[code] ?? 1 } }).then(() => setNewRate(''));
  };

  return (
    <>
      <section className="offers-settings" aria-label={t('comparison')}>
        <fieldset>
          <legend>{t('comparison')}</legend>
          <Field label={t('rename')}>
            {(control) => <CommitInput className="input" style={{ maxWidth: 'none' }} value={comparison.name} onCommit={(name) => void update({ name })} {...control} />}
          </Field>
          <Field label={t('currency')}>
            {(control) => <CommitInput className="input" maxLength={3} value={comparison.currency} onCommit={(currency) => void update({ currency })} {...control} />}
          </Field>
        </fieldset>
        <fieldset>
          <legend>{t('year.legend')}</legend>
          {(['hoursPerWeek', 'daysPerWeek', 'weeksPerYear'] as const).map((key) => (
            <Field key={key} label={t(`year.${key}`)}>
              {(control) => (
                <CommitInput
                  className="input"
                  inputMode="decimal"
                  value={format.number(comparison[key])}
                  onCommit={(text) => {
                    const value = parseNumber(text);
                    if (value !== null) void update({ [key]: value });
                  }}
                  {...control}
                />
              )}
            </Field>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('rates.legend')}</legend>
          {Object.entries(comparison.rates).map(([code, rate]) => (
            <div className="offers-row" key={code}>
              <Field label={t('rates.rate', { currency: code, target: comparison.currency })}>
                {(control) => (
                  <CommitInput
                    className="input"
                    inputMode="decimal"
                    value={String(rate)}
                    onCommit={(text) => {
                      const value = parseNumber(text);
                      if (value !== null && value > 0) void update({ rates: { ...comparison.rates, [code]: value } });
                    }}
                    {...control}
                  />
                )}
              </Field>
              <Button
                size="sm"
                icon="trash"
                aria-label={t('rates.remove', { currency: code })}
                onClick={() => void update({ rates: Object.fromEntries(Object.entries(comparison.rates).filter(([other]) => other !== code)) })}
              />
            </div>
          ))}
          <div className="offers-row">
            <Field label={t('rates.code')}>
              {(control) => <input className="input" maxLength={3} value={newRate} onChange={(event) => setNewRate(event.target.value)} onKeyDown={(event) => event.key === 'Enter' && addRate()} {...control} />}
            </Field>
            <Button size="sm" icon="plus" onClick={addRate}>
              {t('rates.add')}
            </Button>
          </div>
          {comparison.missingRates.length > 0 && <p role="status">{t('rates.missing', { currencies: comparison.missingRates.join(', ') })}</p>}
        </fieldset>
        <fieldset>
          <legend>{t('criteria.legend')}</legend>
          {comparison.criteria.map((criterion) => (
            <div className="offers-row" key={criterion.key}>
              <Field label={t('criteria.weight', { name: criterionName(criterion) })}>
                {(control) => (
                  <input
                    className="input"
                    type="number"
                    min={0}
                    max={10}
                    step={1}
                    value={criterion.weight}
                    onChange={(event) => {
                      const value = Number(event.target.value);
                      if (Number.isInteger(value) && value >= 0 && value <= 10) void setWeight(criterion.key, value);
                    }}
                    {...control}
                  />
                )}
              </Field>
              {criterion.label !== null && (
                <Button size="sm" icon="trash" aria-label={t('criteria.remove', { name: criterionName(criterion) })} onClick={() => void removeCriterion(criterion.key)} />
              )}
            </div>
          ))}
          <div className="offers-row">
            <Field label={t('criteria.newName')}>
              {(control) => <input className="input" maxLength={60} value={newCriterion} onChange={(event) => setNewCriterion(event.target.value)} onKeyDown={(event) => event.key === 'Enter' && addCriterion()} {...control} />}
            </Field>
            <Button size="sm" icon="plus" onClick={addCriterion}>
              {t('criteria.add')}
            </Button>
          </div>
        </fieldset>
      </section>

      {comparison.offers.length === 0 ? (
        <EmptyState icon="briefcase" title={t('title')}>
          {t('noOffers')}
        </EmptyState>
      ) : (
        <OffersTable comparison={comparison} run={run} criterionName={criterionName} />
      )}
    </>
  );
}

function OffersTable({ comparison, run, criterionName }: { comparison: OfferComparison; run: Run; criterionName: (criterion: OfferCriterion) => string }) {
  const { t } = useTranslation(['offers', 'common']);
  const format = useFormat();
  const offerName = (offer: ComparedOffer) => `${offer.companyName} — ${offer.position}`;
  const setOffer = (offer: ComparedOffer, change: { salary?: MoneyFigureInput | null; totalPay?: MoneyFigureInput | null; scores?: Record<string, number | null> }) =>
    run(() => invoke('offers.setOffer', { comparisonId: comparison.id, applicationId: offer.applicationId, ...change }));
  const isBest = (key: string, offer: ComparedOffer) => comparison.best[key]?.includes(offer.applicationId) ?? false;
  const bestMark = (key: string, offer: ComparedOffer) =>
    isBest(key, offer) ? (
      <span className="offers-best-mark" title={t('table.bestLabel')}>
        ★ {t('table.best')}
      </span>
    ) : null;

  const payCell = (offer: ComparedOffer, which: 'salary' | 'totalPay') => {
    const figure = offer[which];
    const label = t(which === 'salary' ? 'table.salary' : 'table.totalPay', { offer: offerName(offer) });
    const save = (patch: Partial<MoneyFigureInput>) => {
      const next = { amount: figure?.amount ?? 0, currency: figure?.currency ?? comparison.currency, period: figure?.period ?? ('year' as SalaryPeriod), ...patch };
      void setOffer(offer, { [which]: next });
    };
    return (
      <div className="offers-pay" role="group" aria-label={label}>
        <CommitInput
          className="input"
          inputMode="decimal"
          aria-label={`${label} — ${t('table.amount')}`}
          value={figure ? String(figure.amount) : ''}
          onCommit={(text) => {
            const amount = parseNumber(text);
            if (text.trim() === '') void setOffer(offer, { [which]: null });
            else if (amount !== null && amount >= 0) save({ amount });
          }}
        />
        <select
          className="select"
          aria-label={`${label} — ${t('table.period')}`}
          value={figure?.period ?? 'year'}
          disabled={!figure}
          onChange={(event) => save({ period: event.target.value as SalaryPeriod })}
        >
          {salaryPeriods.map((period) => (
            <option key={period} value={period}>
              {t(`common:salaryPeriod.${period}`)}
            </option>
          ))}
        </select>
        <span>
          {figure && figure.yearly !== null ? t('table.perYear', { amount: format.money(figure.yearly, comparison.currency) }) : figure ? t('table.noRate') : ''}
          {figure?.fromApplication ? ` (${t('table.fromApplication')})` : ''}
        </span>
      </div>
    );
  };

  return (
    <div className="offers-table-wrap">
      <table className="offers-table">
        <caption>{t('table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('table.criterion')}</th>
            <th scope="col">{t('table.weight')}</th>
            {comparison.offers.map((offer) => (
              <th scope="col" key={offer.applicationId}>
                {offerName(offer)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {(['salary', 'totalPay'] as const).map((which) => (
            <tr key={`pay-${which}`}>
              <th scope="row">{t(`criteria.names.${which}`)}</th>
              <td />
              {comparison.offers.map((offer) => (
                <td key={offer.applicationId}>{payCell(offer, which)}</td>
              ))}
            </tr>
          ))}
          {comparison.criteria.map((criterion) => (
            <tr key={criterion.key}>
              <th scope="row">{criterionName(criterion)}</th>
              <td>{format.number(criterion.weight)}</td>
              {comparison.offers.map((offer) => {
                const score = offer.scores[criterion.key];
                return (
                  <td key={offer.applicationId} className={isBest(criterion.key, offer) ? 'offers-best' : undefined}>
                    <CommitInput
                      className="input"
                      inputMode="decimal"
                      aria-label={t('table.score', { offer: offerName(offer), criterion: criterionName(criterion) })}
                      placeholder={score?.proposed !== null && score?.proposed !== undefined ? format.number(score.proposed) : undefined}
                      value={score?.entered !== null && score?.entered !== undefined ? format.number(score.entered) : ''}
                      onCommit={(text) => {
                        const value = parseNumber(text);
                        if (text.trim() === '') void setOffer(offer, { scores: { [criterion.key]: null } });
                        else if (value !== null && value >= 0 && value <= 20) void setOffer(offer, { scores: { [criterion.key]: value } });
                      }}
                    />
                    {score?.proposed !== null && score?.proposed !== undefined && score.entered === null && (
                      <span className="muted"> {t('table.proposed', { score: format.number(score.proposed) })}</span>
                    )}
                    {bestMark(criterion.key, offer)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('table.total')}</th>
            <td />
            {comparison.offers.map((offer) => (
              <td key={offer.applicationId} className={isBest('total', offer) ? 'offers-best' : undefined} data-testid="offer-total">
                <span className="offers-total">{offer.total === null ? '—' : format.number(offer.total)}</span>
                {bestMark('total', offer)}
                {offer.unscored.length > 0 && <div className="muted">{t('table.unscored', { count: offer.unscored.length })}</div>}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
