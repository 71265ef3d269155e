// An audit entry in words: what the write did ("Scheduled the copy", "Approved the story",
// "Published by the hub"), from the mutation's name, and the fields it set for the rest.
import type { TFunction } from 'i18next';
import type { AuditEntry } from '../../../../shared/audit/protocol';
import { HUB_AUTHOR_ID } from '../../../../shared/sync/protocol';
import { entrySummary } from '../composer/history-words';

// Each mutation name the desk and the hub write, with its sentence (literal keys, so the
// translation check sees every one).
const ACTIONS: Record<string, (t: TFunction) => string> = {
  createStory: (t) => t('audit.action.createStory'),
  duplicateStory: (t) => t('audit.action.duplicateStory'),
  editShared: (t) => t('audit.action.editShared'),
  editCopy: (t) => t('audit.action.editCopy'),
  resetCopy: (t) => t('audit.action.resetCopy'),
  setStoryChannels: (t) => t('audit.action.setStoryChannels'),
  scheduleCopy: (t) => t('audit.action.scheduleCopy'),
  moveInQueue: (t) => t('audit.action.moveInQueue'),
  deleteStory: (t) => t('audit.action.deleteStory'),
  restoreStory: (t) => t('audit.action.restoreStory'),
  purgeStory: (t) => t('audit.action.purgeStory'),
  resolveConflict: (t) => t('audit.action.resolveConflict'),
  submitStory: (t) => t('audit.action.submitStory'),
  approveStory: (t) => t('audit.action.approveStory'),
  requestChanges: (t) => t('audit.action.requestChanges'),
  setEmbargo: (t) => t('audit.action.setEmbargo'),
  setStoryTags: (t) => t('audit.action.setStoryTags'),
  setCopySilent: (t) => t('audit.action.setCopySilent'),
  breakingNews: (t) => t('audit.action.breakingNews'),
  shareNext: (t) => t('audit.action.shareNext'),
  reorderQueue: (t) => t('audit.action.reorderQueue'),
  correctStory: (t) => t('audit.action.correctStory'),
  createChannel: (t) => t('audit.action.createChannel'),
  updateChannel: (t) => t('audit.action.updateChannel'),
  setChannelArchived: (t) => t('audit.action.setChannelArchived'),
  import: (t) => t('audit.action.import'),
};

// The hub's own publishing writes are named `hub:<event>`.
const HUB_EVENTS: Record<string, (t: TFunction) => string> = {
  publishing: (t) => t('audit.hub.publishing'),
  published: (t) => t('audit.hub.published'),
  corrected: (t) => t('audit.hub.corrected'),
  withdrawn: (t) => t('audit.hub.withdrawn'),
  failed: (t) => t('audit.hub.failed'),
  'post-failed': (t) => t('audit.hub.post-failed'),
  'edit-failed': (t) => t('audit.hub.edit-failed'),
  'delete-failed': (t) => t('audit.hub.delete-failed'),
  due: (t) => t('audit.hub.due'),
  'in-doubt': (t) => t('audit.hub.in-doubt'),
  retry: (t) => t('audit.hub.retry'),
  confirmed: (t) => t('audit.hub.confirmed'),
};
const HUB_PREFIX = 'hub:';

/** What an entry did, in a sentence; names the desk does not know fall back to its fields. */
export function actionText(entry: Pick<AuditEntry, 'action' | 'fields'>, t: TFunction): string {
  const { action } = entry;
  const named = Object.hasOwn(ACTIONS, action) ? ACTIONS[action] : undefined;
  if (named) return named(t);
  if (action.startsWith(HUB_PREFIX)) {
    const event = action.slice(HUB_PREFIX.length);
    const hub = Object.hasOwn(HUB_EVENTS, event) ? HUB_EVENTS[event] : undefined;
    if (hub) return hub(t);
    if (event.startsWith('engagement')) return t('audit.hub.engagement');
    return t('audit.hub.other', { event });
  }
  return entrySummary({ mutation: action, fields: entry.fields }, t) ?? action;
}

/** How the hub took the write. */
export function outcomeText(outcome: AuditEntry['outcome'], t: TFunction): string {
  switch (outcome) {
    case 'applied':
      return t('audit.outcome.applied');
    case 'merged':
      return t('audit.outcome.merged');
    case 'conflict':
      return t('audit.outcome.conflict');
  }
}

/** Who did it; the hub's and departed members' names come from the hub in English. */
export function whoText(entry: Pick<AuditEntry, 'who' | 'action'>, t: TFunction): string {
  if (entry.who.id !== '' && entry.who.id !== HUB_AUTHOR_ID) return entry.who.name;
  return entry.action.startsWith(HUB_PREFIX) ? t('audit.theHub') : t('audit.formerMember');
}
