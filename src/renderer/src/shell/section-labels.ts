// The desk's sections in the sidebar's order, with the names the sidebar shows, for the palette.
import type { TFunction } from 'i18next';
import type { Section } from './Sidebar';

/** Every section, in the sidebar's order. */
export const SECTIONS: readonly Section[] = [
  'timeline',
  'week',
  'search',
  'inbox',
  'analytics',
  'archive',
  'transfer',
  'audit',
  'trash',
  'settings',
];

/** A section's name as the sidebar shows it. */
export function sectionLabel(s: Section, t: TFunction): string {
  switch (s) {
    case 'timeline':
      return t('nav.timeline');
    case 'week':
      return t('nav.week');
    case 'search':
      return t('nav.search');
    case 'inbox':
      return t('review.nav.inbox');
    case 'analytics':
      return t('analytics.nav');
    case 'archive':
      return t('archive.nav');
    case 'transfer':
      return t('transfer.nav');
    case 'audit':
      return t('audit.nav');
    case 'trash':
      return t('nav.trash');
    case 'settings':
      return t('nav.settings');
  }
}
