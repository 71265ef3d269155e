// Menu actions and OS-notification clicks from the desktop app reach the page here; the page's
// language goes back so the menu, tray and notifications speak it too. Nothing in browser mode.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../../shared/domain';
import type { Locale } from '../../../shared/domain';
import type { MenuActionHandlers } from './native-actions';
import { runMenuAction } from './native-actions';

export interface NativeActionHandlers extends MenuActionHandlers {
  /** False while onboarding shows: the workspace's actions wait for it. */
  enabled: boolean;
  openStory: (storyId: string) => void;
}

/** Mounted once in the shell. */
export function useNativeActions(handlers: NativeActionHandlers): void {
  const { i18n } = useTranslation();
  // The listeners read the latest handlers without subscribing again on every render.
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    const shell = window.deskShell;
    if (!shell) return;
    const offMenu = shell.on('menu', ({ action }) => {
      if (latest.current.enabled) runMenuAction(action, latest.current);
    });
    const offOpen = shell.on('openStory', ({ storyId }) => {
      if (latest.current.enabled) latest.current.openStory(storyId);
    });
    return () => {
      offMenu();
      offOpen();
    };
  }, []);

  const language = (i18n.resolvedLanguage ?? i18n.language ?? 'en').slice(0, 2);
  useEffect(() => {
    if ((LOCALES as readonly string[]).includes(language))
      window.deskShell?.tell({ kind: 'language', language: language as Locale });
  }, [language]);
}
