import { describe, expect, it } from 'vitest';
import type { Action, Actor, ChannelRole, WorkspaceRole } from './permissions';
import {
  ACTIONS,
  CHANNEL_ROLES,
  WORKSPACE_ROLES,
  allowedActions,
  can,
  canChangeMember,
  effectiveRole,
} from './permissions';

// The policy, written out by hand: who may do each action on a channel where they hold only
// their workspace role.
const ALLOWED: Record<Action, readonly WorkspaceRole[]> = {
  manage_workspace: ['owner'],
  manage_members: ['owner', 'admin'],
  manage_channels: ['owner', 'admin'],
  create_draft: ['owner', 'admin', 'editor', 'contributor'],
  edit_own_draft: ['owner', 'admin', 'editor', 'contributor'],
  edit_any_draft: ['owner', 'admin', 'editor'],
  submit: ['owner', 'admin', 'editor', 'contributor'],
  approve: ['owner', 'admin', 'editor'],
  schedule: ['owner', 'admin', 'editor'],
  publish: ['owner', 'admin', 'editor'],
};
const WORKSPACE_WIDE: readonly Action[] = ['manage_workspace', 'manage_members'];

const own = { id: 'chan-own', workspaceId: 'ws-1' };
const boosted = { id: 'chan-boost', workspaceId: 'ws-1' };
const foreign = { id: 'chan-foreign', workspaceId: 'ws-2' };

function actor(role: WorkspaceRole, channelRole?: ChannelRole): Actor {
  return {
    userId: 'u-1',
    workspaceId: 'ws-1',
    role,
    channelRoles: channelRole ? { [boosted.id]: channelRole } : {},
  };
}

describe('can', () => {
  for (const role of WORKSPACE_ROLES) {
    for (const action of ACTIONS) {
      const expected = ALLOWED[action].includes(role);
      it(`${role} ${expected ? 'may' : 'may not'} ${action}, workspace-wide and on own channels`, () => {
        expect(can(actor(role), action)).toBe(expected);
        expect(can(actor(role), action, own)).toBe(expected);
      });
      it(`${role} may never ${action} on another workspace's channel`, () => {
        expect(can(actor(role), action, foreign)).toBe(false);
        expect(
          can({ ...actor(role), channelRoles: { [foreign.id]: 'admin' } }, action, foreign),
        ).toBe(false);
      });
    }
  }

  it('lets a channel role add power on that channel only', () => {
    const reporter = actor('contributor', 'editor');
    expect(can(reporter, 'publish', boosted)).toBe(true);
    expect(can(reporter, 'approve', boosted)).toBe(true);
    expect(can(reporter, 'publish', own)).toBe(false);
    expect(can(reporter, 'publish')).toBe(false);
    const desk = actor('editor', 'admin');
    expect(can(desk, 'manage_channels', boosted)).toBe(true);
    expect(can(desk, 'manage_channels', own)).toBe(false);
    expect(can(desk, 'manage_channels')).toBe(false);
  });

  it('never lets a channel role grant workspace-wide actions', () => {
    for (const action of WORKSPACE_WIDE) {
      expect(can(actor('contributor', 'admin'), action, boosted)).toBe(false);
      expect(can(actor('editor', 'admin'), action)).toBe(false);
    }
  });

  it('never lets a channel role lower the workspace role', () => {
    for (const channelRole of CHANNEL_ROLES) {
      expect(can(actor('admin', channelRole), 'manage_channels', boosted)).toBe(true);
      expect(effectiveRole(actor('owner', channelRole), boosted)).toBe('owner');
    }
    expect(effectiveRole(actor('editor', 'contributor'), boosted)).toBe('editor');
  });

  it('lists allowed actions in order', () => {
    expect(allowedActions(actor('contributor'))).toEqual([
      'create_draft',
      'edit_own_draft',
      'submit',
    ]);
    expect(allowedActions(actor('owner'))).toEqual([...ACTIONS]);
    expect(allowedActions(actor('owner'), foreign)).toEqual([]);
  });
});

describe('canChangeMember', () => {
  it('lets owners change anyone to anything, ownership included', () => {
    for (const current of WORKSPACE_ROLES) {
      for (const next of [...WORKSPACE_ROLES, null]) {
        expect(canChangeMember(actor('owner'), current, next)).toBe(true);
      }
    }
  });

  it('lets admins manage everyone but owners, and never make an owner', () => {
    expect(canChangeMember(actor('admin'), 'editor', 'admin')).toBe(true);
    expect(canChangeMember(actor('admin'), 'admin', 'contributor')).toBe(true);
    expect(canChangeMember(actor('admin'), 'contributor', null)).toBe(true);
    expect(canChangeMember(actor('admin'), 'owner', 'admin')).toBe(false);
    expect(canChangeMember(actor('admin'), 'owner', null)).toBe(false);
    expect(canChangeMember(actor('admin'), 'editor', 'owner')).toBe(false);
  });

  it('lets nobody else change members', () => {
    for (const role of ['editor', 'contributor'] as const) {
      expect(canChangeMember(actor(role), 'contributor', 'contributor')).toBe(false);
      expect(canChangeMember(actor(role, 'admin'), 'contributor', null)).toBe(false);
    }
  });
});
