// The channel workflow form: what it saves, and the plain errors it gives before saving.
import { describe, expect, it } from 'vitest';
import { channelWorkflowSchema } from '../../../../shared/schemas';
import type { WorkflowForm } from './workflow-form';
import { checkNewTag, checkWorkflowForm, workflowFormOf } from './workflow-form';

const blank: WorkflowForm = workflowFormOf(undefined);

describe('checkWorkflowForm', () => {
  it('saves the defaults for an untouched form', () => {
    expect(checkWorkflowForm(blank)).toEqual({
      ok: true,
      workflow: {
        approvalRequired: false,
        quietHours: null,
        loudPerHour: null,
        loudPerDay: null,
        tags: [],
      },
    });
  });

  it('saves quiet hours past midnight, caps and topics, and reads them back the same', () => {
    const form: WorkflowForm = {
      approvalRequired: true,
      quiet: true,
      quietFrom: '22:00',
      quietTo: '07:00',
      loudPerHour: ' 2 ',
      loudPerDay: '8',
      tags: ['mobility', 'Centro'],
    };
    const checked = checkWorkflowForm(form);
    expect(checked).toEqual({
      ok: true,
      workflow: {
        approvalRequired: true,
        quietHours: { from: '22:00', to: '07:00' },
        loudPerHour: 2,
        loudPerDay: 8,
        tags: ['mobility', 'Centro'],
      },
    });
    if (!checked.ok) throw new Error('expected ok');
    expect(channelWorkflowSchema.parse(checked.workflow)).toEqual(checked.workflow);
    expect(workflowFormOf(checked.workflow)).toEqual({ ...form, loudPerHour: '2' });
  });

  it('refuses quiet hours that start when they end, and times that are not times', () => {
    const same = checkWorkflowForm({ ...blank, quiet: true, quietFrom: '08:00', quietTo: '08:00' });
    expect(same).toEqual({ ok: false, errors: { quietHours: 'quietSame' } });
    const bad = checkWorkflowForm({ ...blank, quiet: true, quietFrom: '', quietTo: '07:00' });
    expect(bad).toEqual({ ok: false, errors: { quietHours: 'quietTime' } });
    // Switched off, the times are not checked (nor saved).
    const off = checkWorkflowForm({ ...blank, quiet: false, quietFrom: '08:00', quietTo: '08:00' });
    expect(off.ok && off.workflow.quietHours).toBe(null);
  });

  it('refuses caps that are not whole numbers, too large, or a day below the hour', () => {
    expect(checkWorkflowForm({ ...blank, loudPerHour: '1.5', loudPerDay: '-2' })).toEqual({
      ok: false,
      errors: {
        loudPerHour: 'perHour',
        loudPerDay: 'perDay',
      },
    });
    expect(checkWorkflowForm({ ...blank, loudPerHour: '1001' })).toMatchObject({ ok: false });
    expect(checkWorkflowForm({ ...blank, loudPerHour: '3', loudPerDay: '2' })).toEqual({
      ok: false,
      errors: { loudPerDay: 'dayBelowHour' },
    });
    // Zero is a real cap: every post silent.
    expect(checkWorkflowForm({ ...blank, loudPerHour: '0' })).toMatchObject({
      ok: true,
      workflow: { loudPerHour: 0 },
    });
  });
});

describe('checkNewTag', () => {
  it('adds a trimmed tag once, whatever its case', () => {
    expect(checkNewTag('  mobility ', [])).toEqual({ ok: true, tag: 'mobility' });
    expect(checkNewTag('Mobility', ['mobility'])).toEqual({
      ok: false,
      error: 'tagTwice',
    });
  });

  it('says why a tag cannot be added', () => {
    expect(checkNewTag('   ', [])).toEqual({ ok: false, error: 'tagEmpty' });
    expect(checkNewTag('x'.repeat(41), [])).toEqual({ ok: false, error: 'tag' });
    const full = Array.from({ length: 50 }, (_, i) => `t${i}`);
    expect(checkNewTag('one more', full)).toEqual({
      ok: false,
      error: 'tooManyTags',
    });
  });
});
