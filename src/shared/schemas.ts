// Validation schemas for everything that crosses a process boundary.
import { z } from 'zod';
import { ATTACHMENT_KINDS, LOCALES, PLATFORMS } from './domain';

/** Largest attachment the desk accepts, in bytes. */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;
/** Longest source text the desk stores (well above every platform limit, so drafts are never cut). */
export const MAX_SOURCE_TEXT_CHARS = 100_000;

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'not a valid id');
export const timeZoneSchema = z.string().refine(isTimeZone, 'not a known IANA time zone');
export const isoInstantSchema = z.iso.datetime({ offset: true });

/** A wall-clock time "HH:mm". */
export const clockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time must be HH:mm');

export const slotSchema = z.object({
  weekday: z.number().int().min(1).max(7),
  time: clockTimeSchema,
});

/** A topic or area a story can be tagged with ("mobility", "Centro"): routing maps them to channels. */
export const tagSchema = z
  .string()
  .trim()
  .min(1, 'a tag cannot be empty')
  .max(40, 'a tag has at most 40 characters')
  .regex(/^[^\p{Cc}]+$/u, 'a tag cannot hold control characters');

/**
 * How a channel's newsroom works: whether its copies need an editor's approval, when followers
 * must not be woken (quiet hours, wall clock in the channel's zone, may run past midnight), how
 * many loud posts an hour and a day it allows, and the topics and areas it covers.
 */
export const channelWorkflowSchema = z.strictObject({
  approvalRequired: z.boolean(),
  quietHours: z.strictObject({ from: clockTimeSchema, to: clockTimeSchema }).nullable(),
  loudPerHour: z.number().int().min(0).max(1000).nullable(),
  loudPerDay: z.number().int().min(0).max(10_000).nullable(),
  tags: z.array(tagSchema).max(50),
});
export type ChannelWorkflow = z.infer<typeof channelWorkflowSchema>;

export const DEFAULT_CHANNEL_WORKFLOW: ChannelWorkflow = Object.freeze({
  approvalRequired: false,
  quietHours: null,
  loudPerHour: null,
  loudPerDay: null,
  tags: [],
}) as ChannelWorkflow;

export const channelFieldsSchema = z.object({
  name: z.string().trim().min(1, 'a channel needs a name').max(120),
  platform: z.enum(PLATFORMS),
  timeZone: timeZoneSchema,
  language: z.enum(LOCALES),
  description: z.string().max(2000).default(''),
  slots: z.array(slotSchema).max(200).default([]),
  workflow: channelWorkflowSchema.optional(),
});

export const pollSchema = z
  .object({
    question: z.string().trim().min(1, 'a poll needs a question').max(300),
    options: z.array(z.string().trim().min(1, 'an option cannot be empty').max(100)).min(2).max(12),
    multipleAnswers: z.boolean(),
    quizCorrectOption: z.number().int().min(0).nullable(),
  })
  .refine((p) => p.quizCorrectOption === null || p.quizCorrectOption < p.options.length, {
    message: 'the correct answer must be one of the options',
    path: ['quizCorrectOption'],
  })
  .refine((p) => p.quizCorrectOption === null || !p.multipleAnswers, {
    message: 'a quiz has exactly one correct answer',
    path: ['multipleAnswers'],
  })
  .refine((p) => new Set(p.options).size === p.options.length, {
    message: 'options must differ',
    path: ['options'],
  });

/**
 * A poll as it is being written: saved on every keystroke, so it may be unfinished.
 * Only `pollSchema` (a complete poll) may be scheduled.
 */
export const pollDraftSchema = z.object({
  question: z.string().max(300),
  options: z.array(z.string().max(100)).max(12),
  multipleAnswers: z.boolean(),
  quizCorrectOption: z.number().int().min(0).max(11).nullable(),
});

export const attachmentSchema = z.object({
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  name: z.string().min(1).max(255),
  mime: z.string().min(1).max(255),
  kind: z.enum(ATTACHMENT_KINDS),
  size: z.number().int().nonnegative(),
  thumbHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
});

export const contentPatchSchema = z.object({
  text: z.string().max(MAX_SOURCE_TEXT_CHARS).optional(),
  attachments: z.array(attachmentSchema).max(10).optional(),
  poll: pollDraftSchema.nullable().optional(),
});

export const scheduleRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('at'), at: isoInstantSchema }),
  z.object({ kind: z.literal('queue') }),
  /** Publish now: due at once, on the hub's clock (the hub sends it as soon as it has it). */
  z.object({ kind: z.literal('now') }),
]);
