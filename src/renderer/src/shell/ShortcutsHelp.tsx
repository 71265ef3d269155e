// The shortcuts help sheet (?): every shortcut in the registry, grouped, with the keys as this
// platform labels them. It reads the same table the handlers do, so it cannot fall out of date.
import type { TFunction } from 'i18next';
import { Fragment, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog';
import type { KeyNames, Platform, ShortcutGroup, ShortcutId } from './shortcuts';
import { HELP_DIALOG, platformOf, shortcutCaps, shortcutOf, SHORTCUTS } from './shortcuts';
import '../styles/palette.css';

/** The platform this renderer runs on (decides between ⌘ and Ctrl). */
export const PLATFORM: Platform = platformOf(
  typeof navigator === 'undefined' ? undefined : navigator,
);

/** The names of the keys in the interface's language. */
export function useKeyNames(): KeyNames {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      ctrl: t('shortcuts.key.ctrl'),
      alt: t('shortcuts.key.alt'),
      shift: t('shortcuts.key.shift'),
      enter: t('shortcuts.key.enter'),
      escape: t('shortcuts.key.escape'),
    }),
    [t],
  );
}

/** What a shortcut does, in words. */
export function shortcutLabel(id: ShortcutId, t: TFunction): string {
  switch (id) {
    case 'palette':
      return t('shortcuts.action.palette');
    case 'help':
      return t('shortcuts.action.help');
    case 'newUpdate':
      return t('shortcuts.action.newUpdate');
    case 'search':
      return t('shortcuts.action.search');
    case 'goTimeline':
      return t('shortcuts.action.goTimeline');
    case 'goWeek':
      return t('shortcuts.action.goWeek');
    case 'goSearch':
      return t('shortcuts.action.goSearch');
    case 'goInbox':
      return t('shortcuts.action.goInbox');
    case 'goAnalytics':
      return t('shortcuts.action.goAnalytics');
    case 'goArchive':
      return t('shortcuts.action.goArchive');
    case 'goTransfer':
      return t('shortcuts.action.goTransfer');
    case 'goAudit':
      return t('shortcuts.action.goAudit');
    case 'goTrash':
      return t('shortcuts.action.goTrash');
    case 'goSettings':
      return t('shortcuts.action.goSettings');
    case 'channelPrevious':
      return t('shortcuts.action.channelPrevious');
    case 'channelNext':
      return t('shortcuts.action.channelNext');
    case 'itemNext':
      return t('shortcuts.action.itemNext');
    case 'itemPrevious':
      return t('shortcuts.action.itemPrevious');
    case 'itemOpen':
      return t('shortcuts.action.itemOpen');
    case 'queueEarlier':
      return t('shortcuts.action.queueEarlier');
    case 'queueLater':
      return t('shortcuts.action.queueLater');
    case 'publish':
      return t('shortcuts.action.publish');
    case 'save':
      return t('shortcuts.action.save');
    case 'close':
      return t('shortcuts.action.close');
    case 'format:bold':
      return t('format.bold');
    case 'format:italic':
      return t('format.italic');
    case 'format:strike':
      return t('format.strike');
    case 'format:code':
      return t('format.code');
    case 'format:codeblock':
      return t('format.codeblock');
    case 'format:quote':
      return t('format.quote');
    case 'format:bullets':
      return t('format.bullets');
    case 'format:numbers':
      return t('format.numbers');
    case 'format:link':
      return t('format.link');
  }
}

function groupLabel(g: ShortcutGroup, t: TFunction): string {
  switch (g) {
    case 'general':
      return t('shortcuts.group.general');
    case 'navigation':
      return t('shortcuts.group.navigation');
    case 'lists':
      return t('shortcuts.group.lists');
    case 'composer':
      return t('shortcuts.group.composer');
    case 'formatting':
      return t('format.toolbar');
  }
}

const GROUPS: readonly ShortcutGroup[] = [
  'general',
  'navigation',
  'lists',
  'composer',
  'formatting',
];

/** A shortcut's keys as key caps: alternatives joined by "or", sequence steps by "then". */
export function KeyCaps({ id, names }: { id: ShortcutId; names: KeyNames }) {
  const { t } = useTranslation();
  const alternatives = shortcutCaps(shortcutOf(id), PLATFORM, names);
  return (
    <span className="key-caps">
      {alternatives.map((steps, a) => (
        <Fragment key={a}>
          {a > 0 ? <span className="key-joiner">{t('shortcuts.or')}</span> : null}
          {steps.map((caps, s) => (
            <Fragment key={s}>
              {s > 0 ? <span className="key-joiner">{t('shortcuts.then')}</span> : null}
              <kbd className="key-chord">
                {caps.map((cap, c) => (
                  <kbd key={c}>{cap}</kbd>
                ))}
              </kbd>
            </Fragment>
          ))}
        </Fragment>
      ))}
    </span>
  );
}

/** The help sheet; open while mounted. */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const names = useKeyNames();
  return (
    <Dialog
      title={t('shortcuts.title')}
      onClose={onClose}
      className="dialog-shortcuts"
      testId={HELP_DIALOG}
    >
      <div className="shortcuts-body">
        <p className="muted">{t('shortcuts.intro')}</p>
        <div className="shortcuts-groups">
          {GROUPS.map((g) => (
            <section key={g} className="shortcuts-group" data-testid={`shortcuts-${g}`}>
              <h3>{groupLabel(g, t)}</h3>
              <dl>
                {SHORTCUTS.filter((d) => d.group === g).map((d) => (
                  <div key={d.id} className="shortcut-line" data-shortcut={d.id}>
                    <dt>{shortcutLabel(d.id, t)}</dt>
                    <dd>
                      <KeyCaps id={d.id} names={names} />
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
      </div>
    </Dialog>
  );
}
