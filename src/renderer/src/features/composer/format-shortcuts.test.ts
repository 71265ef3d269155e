import { describe, expect, it } from 'vitest';
import type { KeyLike } from './format-shortcuts';
import { ariaShortcut, formatActionFor } from './format-shortcuts';

const press = (key: string, code: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key,
  code,
  ctrlKey: true,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('formatActionFor', () => {
  it('maps the documented shortcuts', () => {
    expect(formatActionFor(press('b', 'KeyB'))).toBe('bold');
    expect(formatActionFor(press('i', 'KeyI'))).toBe('italic');
    expect(formatActionFor(press('X', 'KeyX', { shiftKey: true }))).toBe('strike');
    expect(formatActionFor(press('e', 'KeyE'))).toBe('code');
    expect(formatActionFor(press('C', 'KeyC', { shiftKey: true }))).toBe('codeblock');
    expect(formatActionFor(press('(', 'Digit9', { shiftKey: true }))).toBe('quote');
    expect(formatActionFor(press('*', 'Digit8', { shiftKey: true }))).toBe('bullets');
    expect(formatActionFor(press('&', 'Digit7', { shiftKey: true }))).toBe('numbers');
    expect(formatActionFor(press('k', 'KeyK'))).toBe('link');
  });

  it('accepts Cmd on macOS and ignores presses without a modifier or with Alt', () => {
    expect(formatActionFor(press('b', 'KeyB', { ctrlKey: false, metaKey: true }))).toBe('bold');
    expect(formatActionFor(press('b', 'KeyB', { ctrlKey: false }))).toBeNull();
    expect(formatActionFor(press('b', 'KeyB', { altKey: true }))).toBeNull();
    expect(formatActionFor(press('c', 'KeyC'))).toBeNull();
    expect(formatActionFor(press('b', 'KeyB', { shiftKey: true }))).toBeNull();
  });

  it('follows the layout for letters (AZERTY "b" sits elsewhere)', () => {
    expect(formatActionFor(press('b', 'KeyN'))).toBe('bold');
  });

  it('describes shortcuts for assistive technology', () => {
    expect(ariaShortcut('quote')).toBe('Control+Shift+9 Meta+Shift+9');
  });
});
