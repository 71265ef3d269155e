// The words main shows itself — menu, tray, OS notifications — in English, Italian and French.
// Main has no i18next: the page tells it its language, and these tables follow.
import type { Locale } from '../shared/domain';
import { LOCALES } from '../shared/domain';
import type { MenuSection } from '../shared/native-shell';

/** Everything main writes for people, in one language. `{x}` marks a value put in. */
export interface ShellWords {
  menu: {
    file: string;
    newUpdate: string;
    newChannel: string;
    import: string;
    export: string;
    quit: string;
    edit: string;
    view: string;
    reload: string;
    window: string;
    help: string;
    shortcuts: string;
    docs: string;
    about: string;
    sections: Record<MenuSection, string>;
  };
  tray: {
    open: string;
    syncNow: string;
    quit: string;
    /** Tooltip per sync state. */
    idle: string;
    syncing: string;
    offline: string;
    error: string;
    signedOut: string;
    starting: string;
    notSet: string;
    /** Added to the tooltip when changes wait for the hub: `{count}`. */
    pendingOne: string;
    pendingMany: string;
  };
  notice: {
    published: string;
    failed: string;
    due: string;
    mentioned: string;
    untitled: string;
    noReason: string;
  };
}

const en: ShellWords = {
  menu: {
    file: 'File',
    newUpdate: 'New update',
    newChannel: 'New channel',
    import: 'Import…',
    export: 'Export…',
    quit: 'Quit',
    edit: 'Edit',
    view: 'View',
    reload: 'Reload',
    window: 'Window',
    help: 'Help',
    shortcuts: 'Keyboard shortcuts',
    docs: 'Documentation',
    about: 'About Channel Desk',
    sections: {
      timeline: 'Timeline',
      week: 'Week',
      search: 'Search',
      inbox: 'Review',
      analytics: 'Analytics',
      archive: 'Archive',
      transfer: 'Import & export',
      audit: 'Audit trail',
      trash: 'Trash',
      settings: 'Settings',
    },
  },
  tray: {
    open: 'Open Channel Desk',
    syncNow: 'Sync now',
    quit: 'Quit',
    idle: 'Channel Desk — up to date',
    syncing: 'Channel Desk — syncing…',
    offline: 'Channel Desk — offline',
    error: 'Channel Desk — sync problem',
    signedOut: 'Channel Desk — signed out of the hub',
    starting: 'Channel Desk — starting',
    notSet: 'Channel Desk — not set up yet',
    pendingOne: '{count} change waiting to sync',
    pendingMany: '{count} changes waiting to sync',
  },
  notice: {
    published: 'Published on {channel}: {title}',
    failed: 'Failed on {channel}: {reason}',
    due: 'Time to post on {channel}: {title}',
    mentioned: '{author} mentioned you on “{title}”: {body}',
    untitled: 'Untitled update',
    noReason: 'no reason given',
  },
};

const it: ShellWords = {
  menu: {
    file: 'File',
    newUpdate: 'Nuovo aggiornamento',
    newChannel: 'Nuovo canale',
    import: 'Importa…',
    export: 'Esporta…',
    quit: 'Esci',
    edit: 'Modifica',
    view: 'Vista',
    reload: 'Ricarica',
    window: 'Finestra',
    help: 'Aiuto',
    shortcuts: 'Scorciatoie da tastiera',
    docs: 'Documentazione',
    about: 'Informazioni su Channel Desk',
    sections: {
      timeline: 'Palinsesto',
      week: 'Settimana',
      search: 'Cerca',
      inbox: 'Revisione',
      analytics: 'Statistiche',
      archive: 'Archivio',
      transfer: 'Importa ed esporta',
      audit: 'Registro attività',
      trash: 'Cestino',
      settings: 'Impostazioni',
    },
  },
  tray: {
    open: 'Apri Channel Desk',
    syncNow: 'Sincronizza ora',
    quit: 'Esci',
    idle: 'Channel Desk — aggiornato',
    syncing: 'Channel Desk — sincronizzazione…',
    offline: 'Channel Desk — non in linea',
    error: 'Channel Desk — problema di sincronizzazione',
    signedOut: 'Channel Desk — disconnesso dall’hub',
    starting: 'Channel Desk — avvio',
    notSet: 'Channel Desk — non ancora configurato',
    pendingOne: '{count} modifica da sincronizzare',
    pendingMany: '{count} modifiche da sincronizzare',
  },
  notice: {
    published: 'Pubblicato su {channel}: {title}',
    failed: 'Non riuscito su {channel}: {reason}',
    due: 'È ora di pubblicare su {channel}: {title}',
    mentioned: '{author} ti ha menzionato in «{title}»: {body}',
    untitled: 'Aggiornamento senza titolo',
    noReason: 'nessun motivo indicato',
  },
};

const fr: ShellWords = {
  menu: {
    file: 'Fichier',
    newUpdate: 'Nouvelle publication',
    newChannel: 'Nouvelle chaîne',
    import: 'Importer…',
    export: 'Exporter…',
    quit: 'Quitter',
    edit: 'Édition',
    view: 'Affichage',
    reload: 'Recharger',
    window: 'Fenêtre',
    help: 'Aide',
    shortcuts: 'Raccourcis clavier',
    docs: 'Documentation',
    about: 'À propos de Channel Desk',
    sections: {
      timeline: 'Programmation',
      week: 'Semaine',
      search: 'Rechercher',
      inbox: 'Relecture',
      analytics: 'Statistiques',
      archive: 'Archives',
      transfer: 'Importer et exporter',
      audit: 'Journal d’activité',
      trash: 'Corbeille',
      settings: 'Paramètres',
    },
  },
  tray: {
    open: 'Ouvrir Channel Desk',
    syncNow: 'Synchroniser',
    quit: 'Quitter',
    idle: 'Channel Desk — à jour',
    syncing: 'Channel Desk — synchronisation…',
    offline: 'Channel Desk — hors ligne',
    error: 'Channel Desk — problème de synchronisation',
    signedOut: 'Channel Desk — déconnecté du hub',
    starting: 'Channel Desk — démarrage',
    notSet: 'Channel Desk — pas encore configuré',
    pendingOne: '{count} modification en attente de synchronisation',
    pendingMany: '{count} modifications en attente de synchronisation',
  },
  notice: {
    published: 'Publié sur {channel} : {title}',
    failed: 'Échec sur {channel} : {reason}',
    due: 'C’est l’heure de publier sur {channel} : {title}',
    mentioned: '{author} vous a mentionné dans « {title} » : {body}',
    untitled: 'Publication sans titre',
    noReason: 'aucune raison donnée',
  },
};

/** The tables, one per UI language. */
export const SHELL_WORDS: Record<Locale, ShellWords> = { en, it, fr };

/** The UI language for an OS locale such as "it-IT" or "fr_CA"; English for anything else. */
export function shellLocaleOf(osLocale: string | null | undefined): Locale {
  const base = (osLocale ?? '').toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(base ?? '') ? (base as Locale) : 'en';
}

/** Puts values into a `{name}` template; values are inserted as they are, once, in one pass. */
export function fillWords(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
