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
      DATABASE_CORRUPT:
        'The file where Candid keeps your data is damaged. You can restore one of the backups kept in the data folder.',
      READ_ONLY: 'Candid cannot write to its data folder. Check that the folder exists and that you may write to it.',
      DISK_FULL: 'The disk holding your data is full. Free some space and start Candid again.',
      NATIVE_MISSING:
        'The database engine built for this version of Electron is missing. Run "npm run native:electron" and start again.',
      UNEXPECTED: 'Something went wrong while opening your data.',
    },
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
      DATABASE_CORRUPT:
        'Le fichier où Candid garde vos données est endommagé. Vous pouvez restaurer une des sauvegardes du dossier des données.',
      READ_ONLY:
        'Candid ne peut pas écrire dans son dossier de données. Vérifiez que le dossier existe et que vous pouvez y écrire.',
      DISK_FULL: 'Le disque qui contient vos données est plein. Libérez de la place et relancez Candid.',
      NATIVE_MISSING:
        'Le moteur de base de données compilé pour cette version d’Electron est absent. Lancez « npm run native:electron » puis redémarrez.',
      UNEXPECTED: 'Une erreur s’est produite à l’ouverture de vos données.',
    },
  },
};

const catalogue: Record<Language, Messages> = { en, fr };

export function languageOf(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function messagesFor(locale: string | undefined): Messages {
  return catalogue[languageOf(locale)];
}
