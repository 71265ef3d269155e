import { describe, expect, it } from 'vitest';
import { clampToDisplays, parseWindowState } from './window-state';

const LIMITS = { minWidth: 900, minHeight: 600 };
const LAPTOP = { x: 0, y: 0, width: 1440, height: 870 };
const RIGHT = { x: 1440, y: 0, width: 2560, height: 1400 };

describe('clampToDisplays', () => {
  it('keeps bounds that are fully on a screen', () => {
    const b = { x: 100, y: 50, width: 1200, height: 800 };
    expect(clampToDisplays(b, [LAPTOP, RIGHT], LIMITS)).toEqual(b);
    const r = { x: 2000, y: 100, width: 1300, height: 900 };
    expect(clampToDisplays(r, [LAPTOP, RIGHT], LIMITS)).toEqual(r);
  });

  it('centres the window on the primary screen when its monitor is gone', () => {
    const onUnplugged = { x: 2000, y: 100, width: 1300, height: 800 };
    expect(clampToDisplays(onUnplugged, [LAPTOP], LIMITS)).toEqual({
      x: 70,
      y: 35,
      width: 1300,
      height: 800,
    });
  });

  it('pulls a window hanging off an edge back inside, and shrinks one too big', () => {
    expect(
      clampToDisplays({ x: 1000, y: -200, width: 1000, height: 700 }, [LAPTOP], LIMITS),
    ).toEqual({ x: 440, y: 0, width: 1000, height: 700 });
    expect(clampToDisplays({ x: 10, y: 10, width: 3000, height: 2000 }, [LAPTOP], LIMITS)).toEqual({
      x: 0,
      y: 0,
      width: 1440,
      height: 870,
    });
  });

  it('never restores below the minimum size, and chooses the screen it overlaps most', () => {
    const tiny = { x: 1400, y: 10, width: 200, height: 100 };
    const placed = clampToDisplays(tiny, [LAPTOP, RIGHT], LIMITS);
    expect(placed).toEqual({ x: 1440, y: 10, width: 900, height: 600 });
  });

  it('has nothing to offer without a screen', () => {
    expect(clampToDisplays({ x: 0, y: 0, width: 1000, height: 700 }, [], LIMITS)).toBeNull();
  });
});

describe('parseWindowState', () => {
  it('reads a stored state and refuses damaged ones', () => {
    const bounds = { x: 1, y: 2, width: 1000, height: 700 };
    expect(parseWindowState({ bounds, maximized: true })).toEqual({ bounds, maximized: true });
    expect(parseWindowState({ bounds })).toEqual({ bounds, maximized: false });
    expect(parseWindowState({ bounds: { ...bounds, width: 'wide' } })).toBeNull();
    expect(parseWindowState({ bounds: { ...bounds, x: Number.NaN } })).toBeNull();
    expect(parseWindowState(undefined)).toBeNull();
    expect(parseWindowState('x')).toBeNull();
  });
});
