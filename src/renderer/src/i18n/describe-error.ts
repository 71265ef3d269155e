// Turns what a command threw into words for the editor, in the interface language.
import type { TFunction } from 'i18next';
import type { ErrorCode } from '../../../shared/contract';

/** The shape of a DeskError as the desk client throws it (checked by shape, not by class). */
export interface DeskErrorLike {
  code: ErrorCode;
  message: string;
  issues?: { path: string; message: string }[];
}

/** True when `err` carries a desk error code. */
export function isDeskError(err: unknown): err is DeskErrorLike {
  return (
    typeof err === 'object' &&
    err !== null &&
    typeof (err as { code?: unknown }).code === 'string' &&
    typeof (err as { message?: unknown }).message === 'string'
  );
}

/** The engine's validation messages that have a translation; anything else is shown as sent. */
function issueText(message: string, t: TFunction): string {
  switch (message) {
    case 'a channel needs a name':
      return t('issues.channelName');
    case 'not a known IANA time zone':
      return t('issues.timeZone');
    case 'time must be HH:mm':
      return t('issues.slotTime');
    case 'a poll needs a question':
      return t('issues.pollQuestion');
    case 'an option cannot be empty':
      return t('issues.pollOptionEmpty');
    case 'the correct answer must be one of the options':
      return t('issues.quizOption');
    case 'a quiz has exactly one correct answer':
      return t('issues.quizSingle');
    case 'options must differ':
      return t('issues.pollOptionsDiffer');
    case 'choose at least one channel':
    case 'a story keeps at least one channel':
      return t('issues.oneChannel');
    case 'the file is larger than 50 MB':
      return t('issues.fileTooLarge');
    case 'this time is in the past':
      return t('issues.pastTime');
    case 'the channel has no posting slots':
      return t('issues.noSlots');
    case 'type the hub address':
      return t('issues.hubUrl');
    case 'type your email':
      return t('issues.hubEmail');
    case 'type your password':
      return t('issues.hubPassword');
    case 'wrong email or password':
      return t('issues.hubCredentials');
    case 'a link starting with https://':
      return t('issues.postLink');
    default:
      return message;
  }
}

/** A translated message for one field issue. */
export function describeIssue(issue: { path: string; message: string }, t: TFunction): string {
  // The schema's own size limits carry zod's generic wording; where they mean a poll rule, say so.
  if (issue.path === 'poll.options') {
    if (issue.message.startsWith('Too small')) return t('issues.pollTooFew');
    if (issue.message.startsWith('Too big')) return t('issues.pollTooMany');
  }
  if (issue.path === 'poll.question' && issue.message.startsWith('Too big'))
    return t('issues.pollQuestionLong');
  return issueText(issue.message, t);
}

const isPollIssue = (issue: { path: string }) =>
  issue.path === 'poll' || issue.path.startsWith('poll.');

/** A sentence for any error a command threw. */
export function describeError(err: unknown, t: TFunction): string {
  if (!isDeskError(err)) {
    return err instanceof Error && err.message ? err.message : t('errors.internal');
  }
  switch (err.code) {
    case 'invalid_argument': {
      const issues = err.issues ?? [];
      // A copy whose poll is still being written cannot be scheduled: say so and why.
      if (issues.length > 0 && issues.every(isPollIssue)) {
        // Two blank options also count as equal ones: while options are empty, that is noise.
        const blank = issues.some((i) => i.message === 'an option cannot be empty');
        const reasons = issues.filter((i) => !(blank && i.message === 'options must differ'));
        const details = [...new Set(reasons.map((i) => describeIssue(i, t)))];
        return t('errors.pollNotReady', { details: details.join(' ') });
      }
      const details = issues.map((i) => describeIssue(i, t));
      // The engine's own sentence says more than a generic one when it sent no field details.
      return `${t('errors.invalidArgument')} ${details.length > 0 ? details.join(' · ') : err.message}`;
    }
    case 'not_found':
      return `${t('errors.notFound')} (${err.message})`;
    case 'conflict':
      return `${t('errors.conflict')} (${err.message})`;
    case 'storage_failure':
      return `${t('errors.storageFailure')} (${err.message})`;
    case 'unknown_command':
      return t('errors.unknownCommand');
    case 'internal':
      return `${t('errors.internal')} (${err.message})`;
    // The engine already says what happened, in words the editor can act on ("wrong email or
    // password", "nothing answers at …"): shown as sent.
    case 'hub_unreachable':
    case 'hub_refused':
      return err.message;
    default:
      return err.message;
  }
}

/**
 * Field errors keyed by the first path segment the form knows ("name", "timeZone", "slots"…),
 * so each message can sit next to its field; unmatched ones come back under "".
 */
export function fieldErrors(
  err: unknown,
  fields: readonly string[],
  t: TFunction,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isDeskError(err) || !err.issues || err.issues.length === 0) return out;
  for (const issue of err.issues) {
    const head = issue.path.split('.')[0] ?? '';
    const key = fields.includes(head) ? head : '';
    const text = describeIssue(issue, t);
    out[key] = out[key] ? `${out[key]} · ${text}` : text;
  }
  return out;
}
