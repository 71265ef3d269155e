import { describe, expect, it } from 'vitest';
import type { TimelineStep } from '../../../../shared/analytics';
import { tEn, tFr, tIt } from '../publishing/test-i18n';
import { stepActor, stepLabel } from './copy-timeline-words';

const step = (kind: TimelineStep['kind'], extra: Partial<TimelineStep> = {}): TimelineStep => ({
  kind,
  at: '2026-05-01T10:00:00.000Z',
  by: null,
  byHub: false,
  ...extra,
});

describe('copy timeline words', () => {
  it('names each step in the three languages, an expiry with its platform', () => {
    expect(stepLabel(step('changes_requested'), 'telegram', tEn)).toBe('Changes asked');
    expect(stepLabel(step('expired'), 'whatsapp', tEn)).toBe('Expired on WhatsApp Channel');
    expect(stepLabel(step('expired'), 'whatsapp', tIt)).toBe('Scaduto su Canale WhatsApp');
    expect(stepLabel(step('published'), 'telegram', tFr)).toBe('Publiée');
  });

  it('says who: a person, the hub, or nobody when the copy does not tell', () => {
    expect(stepActor(step('approved', { by: { id: 'u', name: 'Anna' } }), tEn)).toBe('Anna');
    expect(stepActor(step('published', { byHub: true }), tEn)).toBe('Hub');
    expect(stepActor(step('created'), tEn)).toBeNull();
  });
});
