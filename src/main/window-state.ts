// The window's place and size between runs, brought back onto a screen that is still there.

/** A rectangle in screen pixels (Electron's Rectangle). */
export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What is remembered about the main window. */
export interface WindowState {
  bounds: Bounds;
  maximized: boolean;
}

export interface SizeLimits {
  minWidth: number;
  minHeight: number;
}

const isFiniteBounds = (b: unknown): b is Bounds => {
  if (typeof b !== 'object' || b === null) return false;
  const r = b as Record<string, unknown>;
  return ['x', 'y', 'width', 'height'].every((k) => Number.isFinite(r[k]));
};

/** A stored value read back as a WindowState, or null when it is missing or malformed. */
export function parseWindowState(value: unknown): WindowState | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (!isFiniteBounds(v.bounds)) return null;
  return { bounds: { ...v.bounds }, maximized: v.maximized === true };
}

const overlap = (a: Bounds, b: Bounds): number =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

/**
 * Saved bounds made visible on today's screens (`workAreas`, the first being the primary): kept
 * on the screen it overlaps most, shrunk to fit it, and moved inside it. When it overlaps none
 * (that monitor is unplugged) it is centred on the primary screen. Null without any screen.
 */
export function clampToDisplays(
  saved: Bounds,
  workAreas: readonly Bounds[],
  limits: SizeLimits,
): Bounds | null {
  const primary = workAreas[0];
  if (!primary) return null;
  let area = primary;
  let best = 0;
  for (const candidate of workAreas) {
    const o = overlap(saved, candidate);
    if (o > best) {
      best = o;
      area = candidate;
    }
  }
  const width = Math.round(Math.min(Math.max(saved.width, limits.minWidth), area.width));
  const height = Math.round(Math.min(Math.max(saved.height, limits.minHeight), area.height));
  if (best === 0) {
    return {
      x: Math.round(area.x + (area.width - width) / 2),
      y: Math.round(area.y + (area.height - height) / 2),
      width,
      height,
    };
  }
  const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);
  return {
    x: Math.round(clamp(saved.x, area.x, area.x + area.width - width)),
    y: Math.round(clamp(saved.y, area.y, area.y + area.height - height)),
    width,
    height,
  };
}
