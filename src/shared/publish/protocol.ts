// Publishing on the wire: the hub's publishing routes' requests and answers, declared once with zod
// (the hub validates and documents with them, the desk checks the answers with them).
import { z } from 'zod';
import { PLATFORMS } from '../domain';
import { deliverySchema } from '../sync/protocol';

const telegramConfigSchema = z.strictObject({
  chatId: z
    .string()
    .regex(
      /^(@[A-Za-z][A-Za-z0-9_]{3,31}|-?\d{1,20})$/,
      'a channel username such as @city_news, or its numeric id',
    ),
});
const webhookConfigSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: 'an http:// or https:// address' }).max(2000),
});
const whatsappConfigSchema = z.strictObject({ link: z.string().max(500).optional() });
const feedConfigSchema = z.strictObject({});

/** Each platform's settings, checked before the connector is asked. */
export const CONFIG_SCHEMAS = {
  telegram: telegramConfigSchema,
  webhook: webhookConfigSchema,
  whatsapp: whatsappConfigSchema,
  feed: feedConfigSchema,
} as const;

/** Platforms that cannot publish without a secret (a bot token, a signing secret). */
export const SECRET_RULES: Partial<Record<(typeof PLATFORMS)[number], z.ZodString>> = {
  telegram: z
    .string()
    .regex(/^\d{3,20}:[A-Za-z0-9_-]{30,64}$/, 'a bot token as @BotFather gives it (123456:ABC…)'),
  webhook: z.string().min(16, 'at least 16 characters').max(256),
};

export const saveConnectorRequestSchema = z.strictObject({
  config: z.record(z.string(), z.unknown()),
  /** Omitted: keep the secret already saved. */
  secret: z.string().max(256).optional(),
});

export const connectorSchema = z.strictObject({
  channelId: z.string(),
  platform: z.enum(PLATFORMS),
  configured: z.boolean(),
  config: z.record(z.string(), z.unknown()),
  hasSecret: z.boolean(),
  facts: z.record(z.string(), z.string()),
  checkedAt: z.string().nullable(),
});
export type ConnectorView = z.infer<typeof connectorSchema>;

export const publicationSchema = z.strictObject({
  id: z.string(),
  action: z.enum(['post', 'edit', 'delete']),
  state: z.enum(['scheduled', 'sending', 'done', 'failed', 'due', 'cancelled']),
  dueAt: z.string(),
  attempts: z.number().int(),
  reason: z.string().nullable(),
  answer: z.string().nullable(),
  sentAt: z.string().nullable(),
  url: z.string().nullable(),
});
export type PublicationView = z.infer<typeof publicationSchema>;

export const publicationsSchema = z.strictObject({
  publications: z.array(publicationSchema),
  delivery: deliverySchema.nullable(),
});
export type PublicationsView = z.infer<typeof publicationsSchema>;

export const updateIdParamsSchema = z.strictObject({ updateId: z.string().min(1).max(64) });

export const confirmRequestSchema = z.strictObject({
  /** The post's link, pasted by the editor (optional). */
  url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
});
