import path from 'node:path';
import type { Channel, ChannelInput, StageMoveUndo } from '../../../src-shared/contract';
import type { World } from '../../integration/support/fixtures';

/** What the valid inputs refer to: the seeded rows, a document, a real backup file, a folder exports may write in. */
export interface FuzzWorld extends World {
  documentId: string;
  /** A second document, in the bin: restore has something to bring back. */
  deletedDocumentId: string;
  backupPath: string;
  sandbox: string;
  /** What a stage move of `application` returned, for applications.undoStage. */
  stageMove: StageMoveUndo;
  /** A notification and an automatic stage event (an application the ghosting rule moved). */
  notificationId: string;
  automaticEventId: string;
  /** A fair with one booth (no visit yet). */
  fairId: string;
  boothId: string;
  /** A screening answer given on \`application\`. */
  answerId: string;
  answerVersionId: string;
  answerUseId: string;
  /** A comparison, and an application at an offer stage it compares. */
  offerComparisonId: string;
  offerApplicationId: string;
  /** A watched board and a posting of its inbox (written as a check of the board would write it). */
  watchId: string;
  opportunityId: string;
  pairedBrowserId: string;
}

/** A small PDF-looking file, as the browser shell uploads it. */
export const documentSource = { content: Buffer.from('%PDF-1.4\n% Camille Martin, CV\n%%EOF\n').toString('base64'), fileName: 'cv.pdf' };

type ValidInputs = { [C in Channel]: (world: FuzzWorld) => ChannelInput<C> };

/**
 * Channels that need a sync server and an account to succeed: here (no server) their valid input must get the
 * typed error of sync being off or unreachable. test/sync drives them against the real server.
 */
export const needsSyncServer: ReadonlyMap<Channel, string> = new Map<Channel, string>([
  ['sync.connect', 'UNAVAILABLE'],
  ['sync.revokeDevice', 'UNAUTHORIZED'],
  ['sync.changePassphrase', 'UNAUTHORIZED'],
  ['sync.setAccountMode', 'UNAUTHORIZED'],
  // AI is off by default, and no endpoint answers here: test/watch/ai.test.ts drives it against a local server.
  ['ai.analyze', 'UNAVAILABLE'],
]);

const csv = Buffer.from('Company;Position;Applied\nAcme;Developer;2024-03-01\nGlobex;Designer;02/04/2024\n', 'utf8').toString('base64');
const filters = (w: FuzzWorld) => ({ stageCategories: ['applied' as const], companyId: w.company.id, archived: 'all' as const, text: 'dev' });

/**
 * One valid input per channel, using every kind of field the channel takes where that is cheap, so that the
 * fuzzer's near-valid mutations (one field wrong, an extra key…) reach deep into each schema. Typed by the
 * contract: a new channel without an entry here, or an entry the contract no longer accepts, fails type checking.
 */
export const validInputs: ValidInputs = {
  'app.info': () => undefined,

  'applications.list': (w) => ({
    ...filters(w),
    customFields: [{ fieldId: w.customField.id, choices: [w.customField.choices[0].id], empty: false }],
    sort: { column: 'custom', fieldId: w.customField.id, direction: 'asc' },
    limit: 10,
    offset: 0,
  }),
  'applications.get': (w) => ({ id: w.application.id }),
  'applications.create': (w) => ({
    companyId: w.company.id,
    position: 'Développeuse backend',
    employmentType: 'permanent',
    schedule: 'full_time',
    workMode: 'hybrid',
    location: 'Lyon',
    source: 'linkedin',
    appliedOn: '2024-04-01',
    postingUrl: 'https://jobs.example/acme/7',
    description: 'Node, SQLite',
    salaryMin: 40_000,
    salaryMax: 50_000,
    salaryCurrency: 'EUR',
    salaryPeriod: 'year',
    requiredSkills: ['SQL'],
    preferredSkills: ['Rust'],
    experienceYears: 3,
    resumeVersion: 'v2',
    notes: 'Referred by Hélène',
    tags: ['remote'],
    favorite: true,
    priority: 3,
    excitement: 4,
    deadline: '2024-05-01',
    stageId: w.stages.applied,
    stageAt: '2024-04-01T09:00:00Z',
    contactIds: [w.contact.id],
  }),
  'applications.update': (w) => ({ id: w.application.id, patch: { location: 'Paris', salaryMax: 60_000, tags: ['senior'], favorite: true } }),
  'applications.delete': (w) => ({ id: w.application.id }),
  'applications.restore': (w) => ({ ids: [w.deletedApplication.id] }),
  'applications.setStage': (w) => ({ id: w.application.id, stageId: w.stages.offer, occurredAt: '2024-03-20T09:30:00+01:00', note: 'Offer' }),
  'applications.undoStage': (w) => ({ ...w.stageMove, appliedOn: { before: null, after: '2024-03-01' }, firstResponseOn: { before: null, after: '2024-03-05' } }),
  'applications.toggleFavorite': (w) => ({ id: w.application.id }),
  'applications.bulkUpdate': (w) => ({
    ids: [w.application.id],
    patch: { stageId: w.stages.screening, addTags: ['urgent'], removeTags: ['remote'], favorite: true, priority: 2, workMode: 'remote' },
  }),
  'applications.bulkDelete': (w) => ({ ids: [w.application.id] }),
  'applications.archive': (w) => ({ ids: [w.application.id] }),
  'applications.unarchive': (w) => ({ ids: [w.application.id] }),
  'applications.bulkByFilter': () => ({ filters: { text: 'ACME' }, action: 'archive' }),
  'applications.duplicates': (w) => ({ companyName: 'ACME', position: 'Backend developer', postingUrl: 'https://jobs.example/acme/42', excludeId: w.deletedApplication.id }),

  'companies.list': () => ({ text: 'ac', sort: 'applications', limit: 5, offset: 0 }),
  'companies.get': (w) => ({ id: w.company.id }),
  'companies.create': () => ({ name: 'Initech', website: 'https://initech.example', industry: 'Software', size: '11-50', location: 'Nantes', notes: 'n' }),
  'companies.update': (w) => ({ id: w.company.id, patch: { industry: 'Robotics', website: '' } }),
  'companies.delete': (w) => ({ id: w.spareCompany.id }),
  'companies.restore': (w) => ({ id: w.spareCompany.id }),
  'companies.autocomplete': () => ({ prefix: 'ac', limit: 5 }),
  'companies.merge': (w) => ({ targetId: w.company.id, sourceIds: [w.spareCompany.id] }),
  'companies.unmerge': (w) => ({ targetId: w.company.id, sources: [{ id: w.spareCompany.id, applicationIds: [w.application.id], contactIds: [w.contact.id], filledColumns: ['size'] }] }),

  'interviews.list': (w) => ({ from: '2024-01-01T00:00:00Z', to: '2031-01-01T00:00:00Z', statuses: ['planned'], applicationId: w.application.id, order: 'desc', limit: 10, offset: 0 }),
  'interviews.upcoming': () => ({ limit: 5 }),
  'interviews.get': (w) => ({ id: w.interview.id }),
  'interviews.create': (w) => ({
    applicationId: w.application.id,
    scheduledAt: '2030-04-01T14:00:00+02:00',
    durationMinutes: 45,
    type: 'hr',
    format: 'in_person',
    location: '1 rue de la Paix',
    meetingUrl: 'https://meet.example/abc',
    interviewers: 'Hélène',
    status: 'planned',
    notes: 'Bring the portfolio',
  }),
  'interviews.update': (w) => ({ id: w.interview.id, patch: { status: 'completed', outcome: 'passed', durationMinutes: 60 } }),
  'interviews.delete': (w) => ({ id: w.interview.id }),
  'interviews.restore': (w) => ({ id: w.interview.id }),

  'contacts.list': (w) => ({ text: 'hél', companyId: w.company.id, limit: 5, offset: 0 }),
  'contacts.get': (w) => ({ id: w.contact.id }),
  'contacts.create': (w) => ({
    name: 'Jean Dupont',
    role: 'CTO',
    email: 'jean@acme.example',
    phone: '+33 1 23 45 67 89',
    linkedinUrl: 'https://www.linkedin.com/in/jean',
    companyId: w.company.id,
    notes: 'Met at a meetup',
    applicationIds: [w.application.id],
  }),
  'contacts.update': (w) => ({ id: w.contact.id, patch: { role: 'Head of talent', email: '', nextFollowUpOn: '2024-04-02' } }),
  'contacts.delete': (w) => ({ id: w.contact.id }),
  'contacts.restore': (w) => ({ id: w.contact.id }),
  'contacts.link': (w) => ({ contactId: w.contact.id, applicationId: w.application.id }),
  'contacts.unlink': (w) => ({ contactId: w.contact.id, applicationId: w.application.id }),

  'contacts.followUps': () => ({ dueOnOrBefore: '2030-01-01', limit: 10 }),
  'interactions.list': (w) => ({ contactId: w.contact.id, applicationId: w.application.id, limit: 10, offset: 0 }),
  'interactions.create': (w) => ({
    contactId: w.contact.id,
    occurredOn: '2024-03-12',
    channel: 'linkedin',
    note: 'Relancée sur LinkedIn',
    applicationId: w.application.id,
    nextFollowUpOn: '2024-03-19',
  }),
  'interactions.update': (w) => ({ id: w.interaction.id, patch: { channel: 'video', note: 'Visio', applicationId: null, occurredOn: '2024-03-06' } }),
  'interactions.delete': (w) => ({ id: w.interaction.id }),
  'interactions.restore': (w) => ({ id: w.interaction.id }),

  'customFields.list': () => undefined,
  'customFields.create': () => ({ name: 'Canal', kind: 'choice', choices: ['Cooptation', 'Cabinet'] }),
  'customFields.update': (w) => ({ id: w.customField.id, patch: { name: 'Trouvé via', choices: [{ id: w.customField.choices[0].id, label: 'Cabinet' }, { label: 'Salon' }] } }),
  'customFields.reorder': (w) => ({ ids: [w.customField.id] }),
  'customFields.delete': (w) => ({ id: w.customField.id }),
  'customFields.restore': (w) => ({ id: w.customField.id }),
  'customFields.setValue': (w) => ({ applicationId: w.application.id, fieldId: w.customField.id, value: w.customField.choices[1].id }),

  'tasks.list': (w) => ({ status: 'all', dueOnOrBefore: '2030-01-01', applicationId: w.application.id, limit: 10, offset: 0 }),
  'tasks.create': (w) => ({ title: 'Relancer Acme', dueOn: '2024-03-15', applicationId: w.application.id, notes: 'Par e-mail' }),
  'tasks.update': (w) => ({ id: w.task.id, patch: { title: 'Send thanks again', dueOn: null } }),
  'tasks.setDone': (w) => ({ id: w.task.id, done: true }),
  'tasks.delete': (w) => ({ id: w.task.id }),
  'tasks.restore': (w) => ({ id: w.task.id }),

  'stages.list': () => undefined,
  'stages.create': () => ({ name: 'Take-home test', category: 'interviewing' }),
  'stages.rename': (w) => ({ id: w.customStage.id, name: 'Phone screen' }),
  'stages.reorder': (w) => ({ ids: [w.customStage.id, w.stages.screening] }),
  'stages.delete': (w) => ({ id: w.customStage.id, replacementId: w.stages.screening }),
  'stages.restore': (w) => ({ id: w.customStage.id, replacementId: w.stages.screening, toEventIds: [], fromEventIds: [] }),

  'tags.list': () => undefined,
  'tags.create': () => ({ name: 'senior', color: '#aa3300' }),
  'tags.update': (w) => ({ id: w.tag.id, patch: { name: 'full remote', color: null } }),
  'tags.delete': (w) => ({ id: w.tag.id }),

  'sources.list': () => undefined,
  'sources.create': () => ({ name: 'Hackathon' }),
  'sources.delete': (w) => ({ id: w.sourceId }),

  'profile.get': () => undefined,
  'profile.update': () => ({ name: 'Camille', skills: ['SQL', 'React'], weeklyGoal: 10, locale: 'fr', theme: 'dark', defaultCurrency: 'EUR' }),

  'search.query': () => ({ text: 'acme dev', limit: 5 }),

  'statistics.overview': (w) => ({ ...filters(w), from: '2024-01-01', to: '2024-12-31', today: '2024-06-01' }),
  'statistics.timeline': (w) => ({ ...filters(w), granularity: 'week', from: '2024-01-01', to: '2024-12-31' }),
  'statistics.breakdowns': (w) => filters(w),
  'statistics.funnel': (w) => filters(w),
  'statistics.responseTimes': (w) => filters(w),
  'statistics.salaries': (w) => ({ ...filters(w), salaryCurrency: 'EUR' }),
  'statistics.skills': (w) => filters(w),
  'statistics.activity': (w) => ({ ...filters(w), today: '2024-03-15' }),
  'statistics.dashboard': (w) => ({ ...filters(w), granularity: 'month', today: '2024-06-01' }),

  'exports.excel': (w) => ({ filters: filters(w), language: 'fr', timeZone: 'Europe/Paris', path: path.join(w.sandbox, 'candid.xlsx') }),
  'exports.statisticsWorkbook': (w) => ({ filters: filters(w), language: 'en', path: path.join(w.sandbox, 'statistics.xlsx') }),
  'exports.csv': (w) => ({ filters: filters(w), language: 'fr', delimiter: ';', bom: true, path: path.join(w.sandbox, 'candid.csv') }),
  'exports.json': (w) => ({ path: path.join(w.sandbox, 'candid.json') }),
  'exports.calendar': (w) => ({ filters: filters(w), timeZone: 'Europe/Paris' }),

  'imports.preview': () => ({
    source: { content: csv, fileName: 'applications.csv' },
    settings: { encoding: 'utf-8', delimiter: ';', hasHeader: true, dateOrders: { '2': 'dmy' } },
    mapping: ['company', 'position', 'appliedOn'],
  }),
  'imports.run': () => ({
    source: { content: csv, fileName: 'applications.csv' },
    settings: { delimiter: ';', hasHeader: true },
    mapping: ['company', 'position', 'appliedOn'],
    valueMaps: { employmentType: { cdi: 'permanent' } },
    options: { skipInvalidRows: true, skipDuplicates: true, unmappedToNotes: true },
  }),

  'documents.list': (w) => ({ applicationId: w.application.id, kind: 'cv', deleted: false }),
  'documents.add': (w) => ({ source: documentSource, name: 'CV 2024', kind: 'cv', applicationIds: [w.application.id], notes: 'Version longue' }),
  'documents.update': (w) => ({ id: w.documentId, patch: { name: 'CV (EN)', kind: 'cv', notes: null } }),
  'documents.link': (w) => ({ id: w.documentId, applicationIds: [w.application.id] }),
  'documents.unlink': (w) => ({ id: w.documentId, applicationIds: [w.application.id] }),
  'documents.delete': (w) => ({ id: w.documentId }),
  'documents.restore': (w) => ({ id: w.deletedDocumentId }),
  'documents.content': (w) => ({ id: w.documentId }),

  'backups.list': () => undefined,
  'backups.create': () => undefined,
  'backups.restore': (w) => ({ path: w.backupPath }),

  // Port 9 of loopback refuses at once: connecting fails fast and typed, never reaching a real server.
  'sync.status': () => undefined,
  'sync.connect': () => ({
    serverUrl: 'http://127.0.0.1:9',
    email: 'camille@example.org',
    password: 'correct horse battery',
    passphrase: 'a long sync passphrase',
    deviceName: 'Laptop',
    createAccount: true,
  }),
  'sync.now': () => undefined,
  'sync.disconnect': () => ({ forget: false }),
  'sync.devices': () => undefined,
  'sync.revokeDevice': (w) => ({ id: w.application.id }),
  'sync.changePassphrase': () => ({ current: 'a long sync passphrase', next: 'another long passphrase' }),
  'sync.accountMode': () => undefined,
  'sync.setAccountMode': () => ({ mode: 'private', passphrase: 'a long sync passphrase' }),
  'automation.settings': () => undefined,
  'automation.update': () => ({
    followUp: { enabled: true, days: 5, againDays: 10 },
    ghost: { enabled: false, days: 45 },
    archive: { months: 3 },
    interviewReminders: { enabled: true },
    taskReminders: { enabled: false },
    deadlineReminders: { enabled: true },
    goalReminders: { enabled: true },
    weeklySummary: { enabled: true },
    quietHours: { enabled: true, start: '21:30', end: '07:00' },
    systemNotifications: false,
    firstWeekday: 7,
  }),
  'automation.summaries': () => ({ limit: 10, offset: 0 }),
  'automation.undo': (w) => ({ stageEventId: w.automaticEventId }),
  'notifications.list': () => ({ status: 'all', limit: 20, offset: 0 }),
  'notifications.act': (w) => ({ action: 'snooze', ids: [w.notificationId], duration: 'day' }),
  'jobs.list': () => undefined,
  'jobs.cancel': () => ({ id: '00000000-0000-7000-8000-0000000000ff' }),
  'jobs.prepare': () => undefined,
  'fairs.list': () => undefined,
  'fairs.get': (w) => ({ id: w.fairId }),
  'fairs.create': () => ({ name: 'Salon de l’alternance', startsOn: '2024-04-02', endsOn: '2024-04-03', place: 'Paris Expo', url: 'https://salon.example/plan', notes: 'Hall 4' }),
  'fairs.update': (w) => ({ id: w.fairId, patch: { name: 'Forum Emploi', endsOn: '2024-03-13', url: '', place: null } }),
  'fairs.delete': (w) => ({ id: w.fairId }),
  'fairs.restore': (w) => ({ id: w.fairId }),
  'fairs.addBooth': (w) => ({
    fairId: w.fairId,
    companyName: 'Initech',
    booth: 'A3',
    recruitsFor: 'Developers',
    planned: true,
    priority: 2,
    pitch: 'Backend developer, 5 years',
    questions: 'Remote days?',
    documents: 'CV ×5',
  }),
  'fairs.updateBooth': (w) => ({ id: w.boothId, patch: { recruiterName: 'Ana Lima', recruiterRole: 'Talent', recruiterEmail: 'ana@globex.example', notes: 'Call back', planned: false, priority: null } }),
  'fairs.setVisitStatus': (w) => ({ id: w.boothId, status: 'in_line', at: '2024-03-12T09:30:00Z' }),
  'fairs.deleteBooth': (w) => ({ id: w.boothId }),
  'fairs.restoreBooth': (w) => ({ id: w.boothId }),
  'fairs.convertVisit': (w) => ({ id: w.boothId, position: 'Data engineer' }),
  'fairs.visits': () => ({ from: '2024-03-01', to: '2024-03-31' }),
  'postings.read': () => ({ html: '<title>Backend developer at Acme</title>', url: 'https://jobs.example/acme/9' }),
  'answers.list': () => ({ query: 'product', category: 'why_company', tag: 'product' }),
  'answers.get': (w) => ({ id: w.answerId }),
  'answers.create': () => ({ question: 'Notice period?', category: 'notice_period', body: 'Three months, negotiable', tags: ['CDI', 'France'] }),
  'answers.update': (w) => ({ id: w.answerId, patch: { question: 'Why this company?', category: 'motivation', tags: [], body: 'Your product and team' } }),
  'answers.delete': (w) => ({ id: w.answerId }),
  'answers.restore': (w) => ({ id: w.answerId }),
  'answers.use': (w) => ({ applicationId: w.application.id, answerId: w.answerId, versionId: w.answerVersionId, question: 'Pourquoi nous ?' }),
  'answers.unuse': (w) => ({ id: w.answerUseId }),
  'answers.restoreUse': (w) => ({ id: w.answerUseId }),
  'answers.forApplication': (w) => ({ applicationId: w.application.id }),
  'exports.searchReport': (w) => ({
    from: '2024-03-01',
    to: '2024-03-31',
    template: 'jobcentre',
    format: 'csv',
    language: 'fr',
    timeZone: 'Europe/Berlin',
    delimiter: ';',
    bom: true,
    path: path.join(w.sandbox, 'nachweis.csv'),
  }),
  'offers.list': () => undefined,
  'offers.get': (w) => ({ id: w.offerComparisonId }),
  'offers.create': () => ({ name: 'Spring offers', currency: 'CHF' }),
  'offers.update': (w) => ({
    id: w.offerComparisonId,
    patch: { name: 'Offers', currency: 'EUR', hoursPerWeek: 35, daysPerWeek: 5, weeksPerYear: 47, criteria: [{ key: 'salary', weight: 3, label: null }, { key: 'canteen', weight: 1, label: 'Canteen' }], rates: { USD: 0.92 } },
  }),
  'offers.delete': (w) => ({ id: w.offerComparisonId }),
  'offers.restore': (w) => ({ id: w.offerComparisonId }),
  'offers.setOffer': (w) => ({
    comparisonId: w.offerComparisonId,
    applicationId: w.offerApplicationId,
    salary: { amount: 4200.5, currency: 'EUR', period: 'month' },
    totalPay: { amount: 60_000, currency: 'USD', period: 'year' },
    scores: { growth: 15, team: null },
    note: 'Good team',
  }),
  'watches.list': () => undefined,
  'watches.create': () => ({ kind: 'lever', board: 'globex', companyName: 'Globex', keywords: ['Développeur', 'TypeScript'], locations: ['Lyon'], remote: 'remote' }),
  'watches.update': (w) => ({ id: w.watchId, patch: { keywords: ['Rust'], locations: [], remote: 'on_site', companyName: 'Initech SAS' } }),
  'watches.delete': (w) => ({ id: w.watchId }),
  'watches.restore': (w) => ({ id: w.watchId }),
  'watches.settings': () => undefined,
  'watches.updateSettings': () => ({ greenhouseBaseUrl: 'http://127.0.0.1:9/boards/', leverBaseUrl: 'https://api.lever.co' }),
  'opportunities.list': (w) => ({ status: 'all', watchId: w.watchId, limit: 10, offset: 0 }),
  'opportunities.act': (w) => ({ action: 'dismiss', ids: [w.opportunityId] }),
  'opportunities.track': (w) => ({ id: w.opportunityId }),
  'ai.settings': () => undefined,
  'ai.update': () => ({ enabled: false, baseUrl: 'http://127.0.0.1:9/v1', model: 'llama3.1', timeoutSeconds: 30, apiKey: 'sk-test-fuzz' }),
  'ai.preview': (w) => ({ opportunityId: w.opportunityId }),
  // The other form of a posting: an application (ai.preview takes the opportunity).
  'ai.analyze': (w) => ({ applicationId: w.application.id }),
  'extension.pairingCode': () => undefined,
  'extension.browsers': () => undefined,
  'extension.revoke': (w) => ({ id: w.pairedBrowserId }),
};
