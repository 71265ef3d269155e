// The command palette (Ctrl/⌘+K): every frequent action by name, filtered as the editor types,
// chosen with the arrows and Enter. The field keeps the focus; the highlighted command is announced
// through aria-activedescendant, as the ARIA combobox pattern has it.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { KeyboardEvent } from 'react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, Locale } from '../../../shared/domain';
import { LOCALES } from '../../../shared/domain';
import { desk } from '../api/desk-client';
import { Dialog } from '../components/Dialog';
import { settingsKeys } from '../features/settings/settings-queries';
import { useSyncNow, useSyncStatus } from '../features/sync/sync-queries';
import { changeLocale } from '../i18n/i18n-setup';
import { languageName } from '../i18n/labels';
import { useLocale } from '../i18n/use-locale';
import { fuzzyFilter } from './fuzzy-match';
import { useNotices } from './Notices';
import { KeyCaps, useKeyNames } from './ShortcutsHelp';
import type { ShortcutId } from './shortcuts';
import { PALETTE_DIALOG, SECTION_SHORTCUTS } from './shortcuts';
import type { Section } from './Sidebar';
import { sectionLabel, SECTIONS } from './section-labels';
import '../styles/palette.css';

/** What the palette asks the shell to do. */
export interface PaletteActions {
  onSection: (s: Section) => void;
  onNewUpdate: () => void;
  onNewChannel: () => void;
  onChannel: (id: string) => void;
  onSearch: () => void;
  onHelp: () => void;
}

interface CommandPaletteProps extends PaletteActions {
  channels: Channel[];
  onClose: () => void;
}

interface Command {
  id: string;
  label: string;
  /** Words the filter also looks at (the kind of command, a channel's platform). */
  hint: string;
  shortcut?: ShortcutId;
  run: () => void;
}

/** The palette dialog; open while mounted. */
export function CommandPalette(props: CommandPaletteProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const notices = useNotices();
  const client = useQueryClient();
  const syncStatus = useSyncStatus();
  const syncNow = useSyncNow();
  const keyNames = useKeyNames();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);
  const listId = useId();
  const optionId = useId();

  const setLocale = useMutation({
    mutationFn: async (next: Locale) => {
      // Applied first so the choice shows at once, as the settings page does.
      await changeLocale(next);
      return desk.setSettings({ locale: next });
    },
    onSuccess: (s) => client.setQueryData(settingsKeys.settings, s),
    onError: notices.error,
  });

  const commands = useMemo(() => {
    const list: Command[] = [
      {
        id: 'new-update',
        label: t('palette.newUpdate'),
        hint: t('palette.hintAction'),
        shortcut: 'newUpdate',
        run: props.onNewUpdate,
      },
      {
        id: 'search',
        label: t('palette.search'),
        hint: t('palette.hintAction'),
        shortcut: 'search',
        run: props.onSearch,
      },
      {
        id: 'new-channel',
        label: t('palette.newChannel'),
        hint: t('palette.hintAction'),
        run: props.onNewChannel,
      },
      ...SECTIONS.map((s): Command => ({
        id: `section-${s}`,
        label: t('palette.goTo', { section: sectionLabel(s, t) }),
        hint: t('palette.hintSection'),
        shortcut: SECTION_SHORTCUTS[s],
        run: () => props.onSection(s),
      })),
      ...props.channels
        .filter((c) => !c.archived)
        .map((c): Command => ({
          id: `channel-${c.id}`,
          label: t('palette.openChannel', { name: c.name }),
          hint: t('palette.hintChannel'),
          run: () => props.onChannel(c.id),
        })),
    ];
    if (syncStatus && syncStatus.mode !== 'none')
      list.push({
        id: 'sync-now',
        label: t('palette.syncNow'),
        hint: t('palette.hintAction'),
        run: () => syncNow.mutate(),
      });
    for (const l of LOCALES)
      if (l !== locale)
        list.push({
          id: `language-${l}`,
          label: t('palette.language', { language: languageName(l) }),
          hint: t('palette.hintLanguage'),
          run: () => setLocale.mutate(l),
        });
    list.push({
      id: 'help',
      label: t('palette.help'),
      hint: t('palette.hintAction'),
      shortcut: 'help',
      run: props.onHelp,
    });
    return list;
  }, [t, props, syncStatus, syncNow, locale, setLocale]);

  const shown = useMemo(
    () => fuzzyFilter(commands, query, (c) => `${c.label} ${c.hint}`),
    [commands, query],
  );
  const current = Math.min(active, shown.length - 1);

  // Keeps the highlighted command in view as the arrows move through a long list.
  useEffect(() => {
    listRef.current
      ?.querySelector<HTMLElement>('[aria-selected="true"]')
      ?.scrollIntoView({ block: 'nearest' });
  }, [current, shown]);

  const choose = (command: Command | undefined) => {
    if (!command) return;
    // Closed first: the dialog hands the focus back, then the command may move it (a composer).
    props.onClose();
    command.run();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const last = shown.length - 1;
    let next: number | null = null;
    if (e.key === 'ArrowDown') next = current >= last ? 0 : current + 1;
    else if (e.key === 'ArrowUp') next = current <= 0 ? last : current - 1;
    else if (e.key === 'Home' && e.ctrlKey) next = 0;
    else if (e.key === 'End' && e.ctrlKey) next = last;
    else if (e.key === 'PageDown') next = Math.min(last, current + 8);
    else if (e.key === 'PageUp') next = Math.max(0, current - 8);
    if (next !== null) {
      e.preventDefault();
      setActive(Math.max(0, next));
      return;
    }
    if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
      e.preventDefault();
      choose(shown[current]);
    }
  };

  return (
    <Dialog
      title={t('palette.title')}
      onClose={props.onClose}
      className="dialog-palette"
      testId={PALETTE_DIALOG}
    >
      <input
        type="text"
        className="palette-input"
        role="combobox"
        aria-label={t('palette.inputLabel')}
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown.length > 0 ? `${optionId}-${current}` : undefined}
        placeholder={t('palette.placeholder')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        autoComplete="off"
        spellCheck={false}
        data-autofocus
        data-testid="palette-input"
      />
      <ul
        ref={listRef}
        id={listId}
        role="listbox"
        className="palette-list"
        aria-label={t('palette.listLabel')}
        data-testid="palette-list"
      >
        {shown.map((c, i) => (
          // The field keeps the focus and handles the keys; a click is the pointer's way in.
          <li
            key={c.id}
            id={`${optionId}-${i}`}
            role="option"
            aria-selected={i === current}
            className="palette-option"
            data-testid="palette-option"
            data-command={c.id}
            onMouseMove={() => (i === current ? undefined : setActive(i))}
            onClick={() => choose(c)}
          >
            <span className="palette-label">{c.label}</span>
            <span className="palette-hint">{c.hint}</span>
            {c.shortcut ? <KeyCaps id={c.shortcut} names={keyNames} /> : null}
          </li>
        ))}
      </ul>
      {shown.length === 0 ? (
        <p className="palette-empty" role="status">
          {t('palette.none')}
        </p>
      ) : (
        <p className="visually-hidden" role="status">
          {t('palette.count', { count: shown.length })}
        </p>
      )}
    </Dialog>
  );
}
