// The channel dialog's workflow settings as the form holds them (text boxes, a checkbox for quiet
// hours), and their checking into the channel's `workflow`. Errors are codes, one per field (see
// workflow-errors.ts for their words), so the form says what is wrong next to the field before saving.
import type { ChannelWorkflow } from '../../../../shared/schemas';
import { channelWorkflowSchema, tagSchema } from '../../../../shared/schemas';

/** What the form edits. Caps are text: empty means "no cap". */
export interface WorkflowForm {
  approvalRequired: boolean;
  quiet: boolean;
  quietFrom: string;
  quietTo: string;
  loudPerHour: string;
  loudPerDay: string;
  tags: string[];
}

export type WorkflowField = 'quietHours' | 'loudPerHour' | 'loudPerDay' | 'tags';

/** What can be wrong with the form or a typed tag. */
export type WorkflowError =
  | 'quietTime'
  | 'quietSame'
  | 'perHour'
  | 'perDay'
  | 'dayBelowHour'
  | 'tooManyTags'
  | 'tag'
  | 'tagEmpty'
  | 'tagTwice';

/** The caps the hub accepts (channelWorkflowSchema). */
const MAX_PER_HOUR = 1000;
const MAX_PER_DAY = 10_000;
/** Topics a channel may list. */
export const MAX_CHANNEL_TAGS = 50;

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The form for a channel's settings (the defaults when it has none). */
export function workflowFormOf(workflow: ChannelWorkflow | undefined): WorkflowForm {
  return {
    approvalRequired: workflow?.approvalRequired ?? false,
    quiet: !!workflow?.quietHours,
    quietFrom: workflow?.quietHours?.from ?? '22:00',
    quietTo: workflow?.quietHours?.to ?? '07:00',
    loudPerHour: workflow?.loudPerHour == null ? '' : String(workflow.loudPerHour),
    loudPerDay: workflow?.loudPerDay == null ? '' : String(workflow.loudPerDay),
    tags: workflow?.tags ?? [],
  };
}

const capOf = (text: string, max: number): number | null | 'bad' => {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d+$/.test(trimmed)) return 'bad';
  const n = Number(trimmed);
  return n <= max ? n : 'bad';
};

export type WorkflowCheck =
  | { ok: true; workflow: ChannelWorkflow }
  | { ok: false; errors: Partial<Record<WorkflowField, WorkflowError>> };

/** Checks the form; on success, the workflow to save. */
export function checkWorkflowForm(form: WorkflowForm): WorkflowCheck {
  const errors: Partial<Record<WorkflowField, WorkflowError>> = {};
  const from = form.quietFrom.slice(0, 5);
  const to = form.quietTo.slice(0, 5);
  if (form.quiet) {
    if (!CLOCK.test(from) || !CLOCK.test(to)) errors.quietHours = 'quietTime';
    else if (from === to) errors.quietHours = 'quietSame';
  }
  const perHour = capOf(form.loudPerHour, MAX_PER_HOUR);
  if (perHour === 'bad') errors.loudPerHour = 'perHour';
  const perDay = capOf(form.loudPerDay, MAX_PER_DAY);
  if (perDay === 'bad') errors.loudPerDay = 'perDay';
  else if (typeof perHour === 'number' && perDay !== null && perDay < perHour) {
    errors.loudPerDay = 'dayBelowHour';
  }
  if (form.tags.length > MAX_CHANNEL_TAGS) errors.tags = 'tooManyTags';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const parsed = channelWorkflowSchema.safeParse({
    approvalRequired: form.approvalRequired,
    quietHours: form.quiet ? { from, to } : null,
    loudPerHour: perHour,
    loudPerDay: perDay,
    tags: form.tags,
  });
  // Every rule of the schema is checked above; this is the belt to those braces.
  if (!parsed.success) return { ok: false, errors: { tags: 'tag' } };
  return { ok: true, workflow: parsed.data };
}

/** The tag to add, or why the typed text cannot be added. */
export function checkNewTag(
  typed: string,
  tags: readonly string[],
): { ok: true; tag: string } | { ok: false; error: WorkflowError } {
  const parsed = tagSchema.safeParse(typed);
  if (!parsed.success) {
    return {
      ok: false,
      error: typed.trim() === '' ? 'tagEmpty' : 'tag',
    };
  }
  const tag = parsed.data;
  if (tags.some((t) => t.toLocaleLowerCase() === tag.toLocaleLowerCase())) {
    return { ok: false, error: 'tagTwice' };
  }
  if (tags.length >= MAX_CHANNEL_TAGS) return { ok: false, error: 'tooManyTags' };
  return { ok: true, tag };
}
