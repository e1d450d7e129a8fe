/**
 * The few strings the main process shows itself (menus, startup error dialog), in French when the system
 * locale is French and in English otherwise. The renderer has its own translations.
 */
export type Language = 'en' | 'fr';

export type StartupProblem =
  | 'DATABASE_TOO_NEW'
  | 'NOT_A_DATABASE'
  | 'DATABASE_CORRUPT'
  | 'READ_ONLY'
  | 'DISK_FULL'
  | 'NATIVE_MISSING'
  | 'UNEXPECTED';

export interface Messages {
  menu: {
    file: string;
    newApplication: string;
    import: string;
    export: string;
    exportExcel: string;
    exportCsv: string;
    exportJson: string;
    exportCalendar: string;
    exportPdf: string;
    proofOfSearch: string;
    backupNow: string;
    restore: string;
    openDataFolder: string;
    quit: string;
    edit: string;
    view: string;
    window: string;
    help: string;
    about: string;
  };
  startup: {
    title: string;
    quit: string;
    openDataFolder: string;
    dataFolder: string;
    problems: Record<StartupProblem, string>;
    /** Offered when a damaged file has an intact backup; `date` is formatted for the user. */
    restoreButton: (date: string) => string;
    restoreOffer: (date: string) => string;
    noBackup: string;
    /** The browser shell has no dialog: how to ask for the restore on the command line. */
    restoreFlag: string;
    restoredTitle: string;
    restored: (date: string, keptAs: string) => string;
    continue: string;
  };
}

const en: Messages = {
  menu: {
    file: '&File',
    newApplication: 'New application',
    import: 'Import…',
    export: 'Export',
    exportExcel: 'Excel workbook…',
    exportCsv: 'CSV…',
    exportJson: 'JSON…',
    exportCalendar: 'Calendar (iCalendar)…',
    exportPdf: 'PDF report…',
    proofOfSearch: 'Proof-of-search report…',
    backupNow: 'Back up now',
    restore: 'Restore…',
    openDataFolder: 'Open data folder',
    quit: 'Quit',
    edit: '&Edit',
    view: '&View',
    window: '&Window',
    help: '&Help',
    about: 'About Candid',
  },
  startup: {
    title: 'Candid cannot start',
    quit: 'Quit',
    openDataFolder: 'Open data folder',
    dataFolder: 'Data folder:',
    problems: {
      DATABASE_TOO_NEW:
        'Your data was saved by a newer version of Candid. Install the latest version to open it; nothing was changed.',
      NOT_A_DATABASE: 'The file where Candid keeps your data is not a Candid database. It was left untouched.',
      DATABASE_CORRUPT: 'The file where Candid keeps your data is damaged.',
      READ_ONLY: 'Candid cannot write to its data folder. Check that the folder exists and that you may write to it.',
      DISK_FULL: 'The disk holding your data is full. Free some space and start Candid again.',
      NATIVE_MISSING:
        'The database engine built for this version of Electron is missing. Run "npm run native:electron" and start again.',
      UNEXPECTED: 'Something went wrong while opening your data.',
    },
    restoreButton: (date) => `Restore the latest backup (${date})`,
    restoreOffer: (date) =>
      `An intact backup from ${date} is in the data folder. Restoring it puts it in place of the damaged file, which is kept beside it under another name; changes made after that backup are lost.`,
    noBackup: 'No intact backup was found in the data folder.',
    restoreFlag: 'To restore it, start Candid again with --restore-latest-backup.',
    restoredTitle: 'Backup restored',
    restored: (date, keptAs) => `Your data was restored from the backup of ${date}. The damaged file was kept as ${keptAs}.`,
    continue: 'Continue',
  },
};

const fr: Messages = {
  menu: {
    file: '&Fichier',
    newApplication: 'Nouvelle candidature',
    import: 'Importer…',
    export: 'Exporter',
    exportExcel: 'Classeur Excel…',
    exportCsv: 'CSV…',
    exportJson: 'JSON…',
    exportCalendar: 'Calendrier (iCalendar)…',
    exportPdf: 'Rapport PDF…',
    proofOfSearch: 'Justificatif de recherche d’emploi…',
    backupNow: 'Sauvegarder maintenant',
    restore: 'Restaurer…',
    openDataFolder: 'Ouvrir le dossier des données',
    quit: 'Quitter',
    edit: '&Édition',
    view: '&Affichage',
    window: 'Fe&nêtre',
    help: 'Aid&e',
    about: 'À propos de Candid',
  },
  startup: {
    title: 'Candid ne peut pas démarrer',
    quit: 'Quitter',
    openDataFolder: 'Ouvrir le dossier des données',
    dataFolder: 'Dossier des données :',
    problems: {
      DATABASE_TOO_NEW:
        'Vos données ont été enregistrées par une version plus récente de Candid. Installez la dernière version pour les ouvrir ; rien n’a été modifié.',
      NOT_A_DATABASE: 'Le fichier où Candid garde vos données n’est pas une base Candid. Il n’a pas été modifié.',
      DATABASE_CORRUPT: 'Le fichier où Candid garde vos données est endommagé.',
      READ_ONLY:
        'Candid ne peut pas écrire dans son dossier de données. Vérifiez que le dossier existe et que vous pouvez y écrire.',
      DISK_FULL: 'Le disque qui contient vos données est plein. Libérez de la place et relancez Candid.',
      NATIVE_MISSING:
        'Le moteur de base de données compilé pour cette version d’Electron est absent. Lancez « npm run native:electron » puis redémarrez.',
      UNEXPECTED: 'Une erreur s’est produite à l’ouverture de vos données.',
    },
    restoreButton: (date) => `Restaurer la dernière sauvegarde (${date})`,
    restoreOffer: (date) =>
      `Une sauvegarde intacte du ${date} se trouve dans le dossier des données. La restaurer la met à la place du fichier endommagé, qui est conservé à côté sous un autre nom ; les modifications faites après cette sauvegarde sont perdues.`,
    noBackup: 'Aucune sauvegarde intacte n’a été trouvée dans le dossier des données.',
    restoreFlag: 'Pour la restaurer, relancez Candid avec --restore-latest-backup.',
    restoredTitle: 'Sauvegarde restaurée',
    restored: (date, keptAs) =>
      `Vos données ont été restaurées depuis la sauvegarde du ${date}. Le fichier endommagé a été conservé sous le nom ${keptAs}.`,
    continue: 'Continuer',
  },
};

const catalogue: Record<Language, Messages> = { en, fr };

export function languageOf(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function messagesFor(locale: string | undefined): Messages {
  return catalogue[languageOf(locale)];
}

const explained: readonly StartupProblem[] = ['DATABASE_TOO_NEW', 'NOT_A_DATABASE', 'DATABASE_CORRUPT', 'READ_ONLY', 'DISK_FULL', 'NATIVE_MISSING'];

/** Which explanation fits an error code met while opening the data (UNEXPECTED for any other). */
export function startupProblemOfCode(code: unknown): StartupProblem {
  return typeof code === 'string' && (explained as readonly string[]).includes(code) ? (code as StartupProblem) : 'UNEXPECTED';
}

/** What the shells know about a database that would not open (src-main/db/recovery.ts describes it). */
export interface StartupFacts {
  code: string;
  latestGoodBackup: { createdAt: string } | null;
  canRestore: boolean;
}

/** The explanation of a startup problem in the user's language, split the way a dialog shows it. */
export interface StartupExplanation {
  title: string;
  /** What is wrong. */
  problem: string;
  /** What can be done about the file: the restore offer, or that there is no backup to offer; null otherwise. */
  remedy: string | null;
  /** The restore button, when restoring is possible. */
  restoreButton: string | null;
}

/** Dates of backups as the user reads them, e.g. "21 novembre 2026 à 11:45". */
export function formatBackupDate(iso: string, locale: string | undefined): string {
  return new Intl.DateTimeFormat(locale ?? languageOf(locale), { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
}

export function explainStartupProblem(facts: StartupFacts, locale: string | undefined): StartupExplanation {
  const m = messagesFor(locale).startup;
  const problem = startupProblemOfCode(facts.code);
  const date = facts.latestGoodBackup ? formatBackupDate(facts.latestGoodBackup.createdAt, locale) : null;
  const fileIsTheProblem = problem === 'DATABASE_CORRUPT' || problem === 'NOT_A_DATABASE';
  let remedy: string | null = null;
  if (facts.canRestore && date) remedy = m.restoreOffer(date);
  else if (fileIsTheProblem && !facts.latestGoodBackup) remedy = m.noBackup;
  return {
    title: m.title,
    problem: m.problems[problem],
    remedy,
    restoreButton: facts.canRestore && date ? m.restoreButton(date) : null,
  };
}

/**
 * The same explanation as one paragraph, for the browser shell's terminal: what is wrong, what can be done (with
 * the command-line flag when a restore is possible) and where the data folder is.
 */
export function startupParagraph(facts: StartupFacts, locale: string | undefined, dataDir: string): string {
  const m = messagesFor(locale).startup;
  const explanation = explainStartupProblem(facts, locale);
  const parts = [`${explanation.title}.`, explanation.problem, explanation.remedy, explanation.restoreButton ? m.restoreFlag : null];
  return [...parts.filter((part): part is string => part !== null), `${m.dataFolder} ${dataDir}`].join(' ');
}
