// The one place a command crosses from a transport (IPC or HTTP) into the engine's handlers.
import type { DeskEvents, DeskHandlers, DeskReply, EventName } from '../shared/contract';
import { DeskError, isCommandName, parseCommandArg } from '../shared/contract';

// A Record over EventName makes adding an event to the contract a compile error here until listed.
const EVENT_FLAGS: Record<EventName, true> = {
  changed: true,
  storeProblem: true,
  syncStatus: true,
  delivery: true,
  exportProgress: true,
  importProgress: true,
};

/** Every event the engine pushes, for transports that forward them all. */
export const DESK_EVENT_NAMES = Object.keys(EVENT_FLAGS) as EventName[];

/** What a transport needs from the engine: its handler table and its event stream. */
export interface DeskTransportTarget {
  handlers: DeskHandlers;
  on<E extends EventName>(event: E, cb: (payload: DeskEvents[E]) => void): () => void;
}

const describeName = (name: unknown): string =>
  typeof name === 'string' ? JSON.stringify(name.slice(0, 80)) : `a ${typeof name}`;

/**
 * Runs one command: refuses unknown names, validates the argument before any handler sees it,
 * and turns every outcome into a reply envelope (never throws).
 */
export async function dispatch(
  handlers: DeskHandlers,
  name: unknown,
  rawArg: unknown,
): Promise<DeskReply<unknown>> {
  if (!isCommandName(name)) {
    return {
      ok: false,
      error: { code: 'unknown_command', message: `Unknown command ${describeName(name)}` },
    };
  }
  try {
    const arg = parseCommandArg(name, rawArg);
    // The table is typed per command; at runtime a broken engine could still lack an entry.
    const handler = (handlers as Record<string, unknown>)[name];
    if (typeof handler !== 'function') {
      throw new Error(`No handler for command ${name}`);
    }
    const value: unknown = await (handler as (arg: unknown) => Promise<unknown>)(arg);
    return { ok: true, value };
  } catch (err) {
    if (err instanceof DeskError) return { ok: false, error: err.toPayload() };
    const message = err instanceof Error ? err.message : String(err);
    // Unexpected failures are bugs: keep the stack where a developer will see it.
    console.error(`[desk] command ${name} failed:`, err);
    return { ok: false, error: { code: 'internal', message } };
  }
}
