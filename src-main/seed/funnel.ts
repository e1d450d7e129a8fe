import type { InterviewFormat, InterviewOutcome, InterviewStatus, InterviewType, StageCategory } from '../../src-shared/contract';
import { instantOf } from './dates';
import type { Random } from './random';
import { paragraph } from './texts';
import { firstNames, interviewerTitles, lastNames, type Language } from './vocabulary';

export interface StageStep {
  category: StageCategory;
  /** ISO instant; steps are strictly increasing. */
  at: string;
  note: string | null;
}

export interface InterviewPlan {
  scheduledAt: string;
  durationMinutes: number;
  type: InterviewType;
  format: InterviewFormat;
  location: string | null;
  meetingUrl: string | null;
  interviewers: string;
  status: InterviewStatus;
  outcome: InterviewOutcome | null;
  notes: string | null;
}

type Next = StageCategory | 'stay';

/**
 * Where each stage leads and how many days later. Probabilities follow the usual shape of a search: most
 * applications end rejected or unanswered, a quarter reach a first call, few reach an offer; rejections come
 * after interviews as well as before them.
 */
const transitions: Partial<Record<StageCategory, { next: readonly (readonly [Next, number])[]; days: [number, number] }>> = {
  wishlist: { next: [['applied', 62], ['stay', 38]], days: [1, 21] },
  applied: { next: [['screening', 34], ['rejected', 24], ['ghosted', 30], ['withdrawn', 4], ['stay', 8]], days: [3, 35] },
  screening: { next: [['interviewing', 55], ['rejected', 24], ['ghosted', 10], ['withdrawn', 7], ['stay', 4]], days: [4, 18] },
  interviewing: { next: [['offer', 24], ['rejected', 44], ['ghosted', 12], ['withdrawn', 11], ['stay', 9]], days: [10, 40] },
  offer: { next: [['accepted', 48], ['withdrawn', 42], ['stay', 10]], days: [2, 12] },
};

const stepNotes: Partial<Record<StageCategory, Record<Language, readonly string[]>>> = {
  rejected: { fr: ['Réponse négative par e-mail.', 'Refus après l’entretien final.'], en: ['Rejection e-mail.', 'Turned down after the final round.'] },
  withdrawn: { fr: ['J’ai retiré ma candidature.', 'Offre déclinée.'], en: ['Withdrew my application.', 'Declined the offer.'] },
  offer: { fr: ['Proposition écrite reçue.'], en: ['Written offer received.'] },
  ghosted: { fr: ['Aucune réponse malgré deux relances.'], en: ['No answer after two follow-ups.'] },
};

/** Business hours, UTC: 07:00–18:59. */
const workingMinute = (random: Random) => random.int(7 * 60, 18 * 60 + 59);

/**
 * The stage history of one application, from its first day up to `lastDay` (the dataset's "today"): a path
 * through the funnel, cut where the next step would fall in the future, so recent applications are still open.
 */
export function stagePath(random: Random, language: Language, firstDay: number, lastDay: number): StageStep[] {
  const start: StageCategory = random.chance(0.08) ? 'wishlist' : 'applied';
  const steps: StageStep[] = [{ category: start, at: instantOf(firstDay, workingMinute(random)), note: null }];
  let day = firstDay;
  for (;;) {
    const current = steps[steps.length - 1].category;
    const rule = transitions[current];
    if (!rule) break;
    const next = random.weighted(rule.next);
    if (next === 'stay') break;
    day += random.int(rule.days[0], rule.days[1]);
    if (day > lastDay) break;
    const notes = stepNotes[next]?.[language];
    const note = notes && random.chance(0.4) ? random.pick(notes) : null;
    steps.push({ category: next, at: instantOf(day, workingMinute(random)), note });
  }
  return steps;
}

/**
 * The interviews a history implies: a phone screen for part of the screening steps, one to four rounds
 * between reaching `interviewing` and the step after it. Rounds in the future are still planned.
 */
export function interviewsOf(random: Random, language: Language, steps: readonly StageStep[], lastDay: number): InterviewPlan[] {
  const plans: InterviewPlan[] = [];
  for (const [index, step] of steps.entries()) {
    const following = steps[index + 1];
    const from = Date.parse(step.at);
    // An open stage has its next rounds in the next two weeks.
    const until = following ? Date.parse(following.at) : (lastDay + 14) * 86_400_000;
    if (step.category === 'screening' && random.chance(0.5)) {
      plans.push(interview(random, language, 'screening', between(random, from, until, 1, 3), following, lastDay));
    }
    if (step.category === 'interviewing') {
      const rounds = random.int(1, 4);
      const types: InterviewType[] = ['hr', 'technical', 'case_study', 'behavioral', 'panel', 'final'];
      for (let round = 0; round < rounds; round += 1) {
        const type = round === rounds - 1 && rounds > 1 ? 'final' : types[Math.min(round, types.length - 2)];
        plans.push(interview(random, language, type, between(random, from, until, round + 1, rounds + 1), following, lastDay));
      }
    }
  }
  return plans;
}

/** A working-hours instant at `part / parts` of the way from `from` to `until`. */
function between(random: Random, from: number, until: number, part: number, parts: number): string {
  const at = from + ((until - from) * part) / parts;
  const day = Math.floor(at / 86_400_000);
  return instantOf(day, workingMinute(random));
}

function interview(
  random: Random,
  language: Language,
  type: InterviewType,
  scheduledAt: string,
  following: StageStep | undefined,
  lastDay: number,
): InterviewPlan {
  const format = random.weighted([['video', 55], ['phone', type === 'screening' ? 60 : 10], ['in_person', 25]] as const);
  const past = Date.parse(scheduledAt) < (lastDay + 1) * 86_400_000;
  const cancelled = past && random.chance(0.04);
  const status: InterviewStatus = cancelled ? 'cancelled' : past ? 'completed' : 'planned';
  const failed = following?.category === 'rejected';
  const outcome: InterviewOutcome | null = status === 'completed' ? (failed && random.chance(0.6) ? 'failed' : 'passed') : status === 'planned' ? 'pending' : null;
  const count = random.int(1, 3);
  const interviewers: string[] = [];
  for (let i = 0; i < count; i += 1) {
    interviewers.push(`${random.pick(firstNames)} ${random.pick(lastNames)} (${random.pick(interviewerTitles[language])})`);
  }
  return {
    scheduledAt,
    durationMinutes: random.pick([20, 30, 45, 60, 60, 90, 120]),
    type,
    format,
    location: format === 'in_person' ? (language === 'fr' ? 'Dans les locaux, accueil au rez-de-chaussée' : 'Office, ask at reception') : null,
    meetingUrl: format === 'video' ? `https://meet.example.com/${random.int(100000, 999999)}` : null,
    interviewers: interviewers.join(', '),
    status,
    outcome,
    notes: random.chance(0.35) ? paragraph(random, language, random.int(1, 4)) : null,
  };
}
