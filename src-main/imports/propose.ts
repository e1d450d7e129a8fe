import {
  multiColumnFields,
  type ImportField,
  type ImportReason,
  type ImportTarget,
  type StageCategory,
  type ValueMappedField,
} from '../../src-shared/contract';
import { headerScores, isIgnoredHeader } from './headers';
import { share, type ColumnProfile } from './profile';

/**
 * The mapping proposed for a file, from each column's header and values together. The header proposes fields; the
 * values confirm (dates in a date column), weaken, or overrule them (Yes/No is not a date; "Full Time" is a
 * schedule, not a contract type). Values alone propose a field only when they are unmistakable (statuses, links,
 * e-mail addresses). Each proposal carries its reasons, which the wizard shows beside the column.
 */

export interface ColumnFacts {
  header: string;
  profile: ColumnProfile;
  /** The stage the header names ("Phone screen"), for step and card columns. */
  headerStage: { id: string; category: StageCategory } | null;
}

export interface Proposal {
  field: ImportTarget | null;
  reasons: ImportReason[];
}

/** How values judge a field: a fit from -1 (contradicted) to 1 (confirmed), `veto` when they rule it out. */
interface Judgement {
  fit: number;
  veto?: boolean;
  reasons: ImportReason[];
}

const neutral: Judgement = { fit: 0, reasons: [] };
const dateFields: readonly ImportField[] = ['appliedOn', 'responseOn', 'deadline'];
const vocabularyFields: readonly ValueMappedField[] = ['stage', 'employmentType', 'schedule', 'workMode', 'source'];
/** Fields values may propose on their own, with no header naming them. */
const contentOnlyFields: readonly ImportField[] = ['stage', 'employmentType', 'schedule', 'workMode', 'postingUrl', 'contactEmail', 'contactLinkedin', 'description'];
/** Steps the history can hold beyond the application itself (an "Applied" column is the applied date). */
const stepCategories: readonly StageCategory[] = ['screening', 'interviewing', 'offer', 'accepted', 'rejected', 'withdrawn', 'ghosted'];

function reason(code: ImportReason['code'], profile: ColumnProfile, count?: number, extra: Partial<ImportReason> = {}): ImportReason {
  return { code, ...(count === undefined ? {} : { share: Math.round(share(profile, count) * 100) / 100 }), ...extra };
}

function vocabularyShare(profile: ColumnProfile, field: ValueMappedField): number {
  return share(profile, profile.vocabulary[field]);
}

/** What a column's values say about one field. */
function judge(field: ImportField, facts: ColumnFacts, headerNamesIt: boolean): Judgement {
  const { profile } = facts;
  // An empty column is no step and no board column, whatever its name; for the rest its name alone decides.
  if (profile.values === 0) return field === 'stageStep' || field === 'stageCards' ? { fit: -1, veto: true, reasons: [] } : neutral;
  const s = (count: number) => share(profile, count);
  const text = 1 - s(profile.dates + profile.links + profile.emails + profile.numbers);

  if (dateFields.includes(field)) {
    const dates = profile.dates + profile.datesWithText + (headerNamesIt ? profile.serials : 0);
    if (s(profile.booleans) >= 0.6) return { fit: -1, veto: true, reasons: [reason('yes_no', profile, profile.booleans)] };
    if (vocabularyShare(profile, 'stage') >= 0.6 && s(dates) < 0.2) {
      return { fit: -1, veto: true, reasons: [reason('vocabulary', profile, profile.vocabulary.stage, { field: 'stage', examples: profile.vocabularyExamples.stage })] };
    }
    if (s(dates) >= 0.5) return { fit: 1, reasons: [reason('dates', profile, dates)] };
    return { fit: s(dates) >= 0.2 ? 0.2 : -0.4, reasons: [reason('dates', profile, dates)] };
  }

  if ((vocabularyFields as readonly string[]).includes(field)) {
    const own = vocabularyShare(profile, field as ValueMappedField);
    const [best, bestShare] = vocabularyFields
      .filter((other) => other !== field && other !== 'source')
      .map((other) => [other, vocabularyShare(profile, other)] as const)
      .reduce((a, b) => (b[1] > a[1] ? b : a), ['stage', -1] as readonly [ValueMappedField, number]);
    const examples = profile.vocabularyExamples[field as ValueMappedField];
    if (field !== 'source' && bestShare >= 0.5 && bestShare > own) {
      return { fit: -1, veto: true, reasons: [reason('vocabulary', profile, profile.vocabulary[best], { field: best, examples: profile.vocabularyExamples[best] })] };
    }
    if (s(profile.dates) >= 0.6) return { fit: -1, veto: true, reasons: [reason('dates', profile, profile.dates)] };
    if (own >= (field === 'source' ? 0.3 : 0.5)) return { fit: 1, reasons: [reason('vocabulary', profile, profile.vocabulary[field as ValueMappedField], { field, examples })] };
    return { fit: own > 0 ? 0.2 : 0, reasons: own > 0 ? [reason('vocabulary', profile, profile.vocabulary[field as ValueMappedField], { field, examples })] : [] };
  }

  switch (field) {
    case 'company':
    case 'position':
    case 'location':
    case 'contactRole':
      if (text < 0.5) {
        const code = s(profile.dates) >= 0.5 ? 'dates' : s(profile.links) >= 0.5 ? 'links' : s(profile.emails) >= 0.5 ? 'emails' : 'numbers';
        const count = { dates: profile.dates, links: profile.links, emails: profile.emails, numbers: profile.numbers }[code];
        return { fit: -1, veto: true, reasons: [reason(code, profile, count)] };
      }
      return { fit: 0.3, reasons: [] };
    case 'postingUrl':
      if (s(profile.profiles) >= 0.5) return { fit: -1, veto: true, reasons: [reason('links', profile, profile.profiles, { field: 'contactLinkedin' })] };
      return s(profile.links) >= 0.5 ? { fit: 1, reasons: [reason('links', profile, profile.links)] } : { fit: -0.3, reasons: [] };
    case 'contactLinkedin':
      if (s(profile.profiles) >= 0.5) return { fit: 1, reasons: [reason('links', profile, profile.profiles)] };
      return s(profile.links) >= 0.5 ? { fit: -1, veto: true, reasons: [reason('links', profile, profile.links, { field: 'postingUrl' })] } : { fit: -0.3, reasons: [] };
    case 'contactEmail':
      return s(profile.emails) >= 0.5 ? { fit: 1, reasons: [reason('emails', profile, profile.emails)] } : { fit: -0.5, reasons: [] };
    case 'contactPhone':
      if (s(profile.emails) >= 0.5) return { fit: -1, veto: true, reasons: [reason('emails', profile, profile.emails)] };
      return s(profile.phones) >= 0.5 ? { fit: 1, reasons: [reason('phones', profile, profile.phones)] } : { fit: -0.2, reasons: [] };
    case 'contactName':
      if (s(profile.emails) >= 0.8) return { fit: -0.5, reasons: [reason('emails', profile, profile.emails)] };
      return s(profile.names) >= 0.5 ? { fit: 0.6, reasons: [reason('names', profile, profile.names)] } : { fit: 0, reasons: [] };
    case 'salary':
    case 'salaryMin':
    case 'salaryMax':
      if (s(profile.dates) >= 0.5) return { fit: -1, veto: true, reasons: [reason('dates', profile, profile.dates)] };
      return s(profile.money + profile.numbers) >= 0.5 ? { fit: 1, reasons: [reason('money', profile, profile.money + profile.numbers)] } : { fit: 0, reasons: [] };
    case 'priority':
    case 'excitement':
      return s(profile.ratings) >= 0.7 ? { fit: 1, reasons: [reason('numbers', profile, profile.ratings)] } : { fit: -1, veto: true, reasons: [] };
    case 'favorite':
      return s(profile.booleans) >= 0.7 ? { fit: 1, reasons: [reason('yes_no', profile, profile.booleans)] } : { fit: -1, veto: true, reasons: [] };
    case 'notes':
      return profile.averageLength >= 15 ? { fit: 0.5, reasons: [reason('long_text', profile, profile.longTexts)] } : neutral;
    case 'description':
      return s(profile.longTexts) >= 0.6 && profile.averageLength >= 200 ? { fit: 1, reasons: [reason('long_text', profile, profile.longTexts)] } : { fit: 0, reasons: [] };
    case 'tags':
    case 'requiredSkills':
    case 'preferredSkills':
      if (s(profile.dates + profile.links + profile.emails) >= 0.5) return { fit: -1, veto: true, reasons: [] };
      return s(profile.lists) >= 0.3 ? { fit: 0.5, reasons: [reason('lists', profile, profile.lists)] } : neutral;
    case 'experienceYears':
      if (s(profile.dates + profile.money) >= 0.5) return { fit: -1, veto: true, reasons: [] };
      return s(profile.numbers) >= 0.5 ? { fit: 1, reasons: [reason('numbers', profile, profile.numbers)] } : { fit: 0, reasons: [] };
    case 'archived':
      return s(profile.booleans) >= 0.7 ? { fit: 1, reasons: [reason('yes_no', profile, profile.booleans)] } : { fit: -1, veto: true, reasons: [] };
    case 'salaryCurrency':
    case 'salaryPeriod':
    case 'resumeVersion':
      return s(profile.dates + profile.links + profile.emails) >= 0.5 ? { fit: -1, veto: true, reasons: [] } : neutral;
    case 'stageStep': {
      if (!facts.headerStage || !stepCategories.includes(facts.headerStage.category)) return { fit: -1, veto: true, reasons: [] };
      const dates = profile.dates + profile.serials + profile.datesWithText;
      if (s(dates) >= 0.5) return { fit: 1, reasons: [reason('dates', profile, dates)] };
      if (s(profile.marks) >= 0.5) return { fit: 1, reasons: [reason('marks', profile, profile.marks)] };
      return { fit: -1, veto: true, reasons: [] };
    }
    case 'stageCards':
      if (!facts.headerStage) return { fit: -1, veto: true, reasons: [] };
      return s(profile.cards) >= 0.5 ? { fit: 1, reasons: [reason('cards', profile, profile.cards)] } : { fit: -1, veto: true, reasons: [] };
    default:
      return neutral;
  }
}

/** How strongly the header names each field, steps and cards included (a header that is a stage's name). */
function namedFields(facts: ColumnFacts): Map<ImportField, number> {
  const scores = headerScores(facts.header);
  if (facts.headerStage) {
    scores.set('stageStep', 0.9);
    scores.set('stageCards', 0.9);
  }
  return scores;
}

interface Candidate {
  column: number;
  field: ImportField;
  score: number;
  reasons: ImportReason[];
}

/**
 * A second status column ("Outcome" beside "Stage") only when its header names a status and its values are
 * statuses: a column the values alone suggest, or a Yes/No "Response", stays out of where the application stands.
 */
function isSecondStatus(candidate: Candidate, proposals: readonly Proposal[]): boolean {
  if (proposals.filter((proposal) => proposal.field === 'stage').length >= 2) return false;
  const named = candidate.reasons.some((item) => item.code === 'header');
  const statuses = candidate.reasons.some((item) => item.code === 'vocabulary' && item.field === 'stage' && (item.share ?? 0) >= 0.5);
  return named && statuses;
}

export function proposeMapping(columns: readonly ColumnFacts[]): Proposal[] {
  const candidates: Candidate[] = [];
  const vetoed: (Candidate | null)[] = columns.map(() => null);
  columns.forEach((facts, column) => {
    if (isIgnoredHeader(facts.header)) return;
    const named = namedFields(facts);
    const fields = new Set<ImportField>([...named.keys(), ...contentOnlyFields]);
    for (const field of fields) {
      const header = named.get(field) ?? 0;
      const judgement = judge(field, facts, header > 0);
      const headerReason: ImportReason[] = header > 0 && field !== 'stageStep' && field !== 'stageCards' ? [{ code: 'header' }] : [];
      if (judgement.veto) {
        // Remember the best-named field the values ruled out, to explain why the column is not it.
        if (header > 0 && (!vetoed[column] || header > vetoed[column]!.score)) vetoed[column] = { column, field, score: header, reasons: judgement.reasons };
        continue;
      }
      if (header > 0) candidates.push({ column, field, score: header + 0.6 * judgement.fit, reasons: [...headerReason, ...judgement.reasons] });
      else if (contentOnlyFields.includes(field) && judgement.fit >= 1) {
        const strong = judgement.reasons.every((item) => (item.share ?? 1) >= 0.6);
        if (strong) candidates.push({ column, field, score: 0.5, reasons: judgement.reasons });
      }
    }
  });

  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const proposals: Proposal[] = columns.map(() => ({ field: null, reasons: [] }));
  const taken = new Set<ImportField>();
  for (const candidate of candidates) {
    if (proposals[candidate.column].field !== null) continue;
    if (taken.has(candidate.field) && !multiColumnFields.includes(candidate.field)) continue;
    if (candidate.field === 'stage' && taken.has('stage') && !isSecondStatus(candidate, proposals)) continue;
    proposals[candidate.column] = { field: candidate.field, reasons: candidate.reasons };
    taken.add(candidate.field);
  }
  // A board has no company or position columns: its cards hold them. Next to such columns, stage-named columns
  // are something else.
  if (taken.has('stageCards') && (taken.has('company') || taken.has('position'))) {
    for (const proposal of proposals) if (proposal.field === 'stageCards') Object.assign(proposal, { field: null, reasons: [] });
  }
  proposals.forEach((proposal, column) => {
    const ruledOut = vetoed[column];
    if (!ruledOut) return;
    const bestNamed = [...namedFields(columns[column]).entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    // Explain a header that names a field the values contradict, whatever the column became.
    if (ruledOut.field === bestNamed && proposal.field !== ruledOut.field && ruledOut.field !== 'stageStep' && ruledOut.field !== 'stageCards') {
      const merged = [{ code: 'overruled' as const, field: ruledOut.field }, ...ruledOut.reasons, ...proposal.reasons.filter((item) => item.code !== 'header')];
      proposal.reasons = merged.filter((item, index) => merged.findIndex((other) => other.code === item.code && other.field === item.field) === index);
    }
  });
  return proposals;
}
