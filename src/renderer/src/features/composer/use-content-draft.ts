// Local, instantly-updated content for one tab, saved behind the scenes through a save queue.
import { useEffect, useRef, useState } from 'react';
import type { Content } from '../../../../shared/domain';
import type { SaveQueue, SaveState } from '../../lib/save-queue';
import { createSaveQueue } from '../../lib/save-queue';

export type ContentPatch = Partial<Content>;

/** Equal as saved content (plain JSON values). */
function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

interface ContentDraft {
  /** What the tab shows: the engine's content with the editor's unsaved changes over it. */
  content: Content;
  /** Applies a change locally at once and queues it for saving. */
  change: (patch: ContentPatch) => void;
  /** The latest content, for changes computed from it (appending an attachment after an upload). */
  latest: () => Content;
  /** Forgets local changes (after "reset to shared text"). */
  reset: () => void;
  retry: () => void;
  state: SaveState;
}

/** Keeps a tab's edits local and sends them with at most one request in flight. */
export function useContentDraft(
  server: Content,
  send: (patch: ContentPatch) => Promise<unknown>,
  onState: (state: SaveState, error?: unknown) => void,
): ContentDraft {
  const [local, setLocal] = useState<ContentPatch>({});
  const [state, setState] = useState<SaveState>('idle');
  const localRef = useRef<ContentPatch>({});
  const serverRef = useRef(server);
  const sendRef = useRef(send);
  const onStateRef = useRef(onState);
  useEffect(() => {
    serverRef.current = server;
    sendRef.current = send;
    onStateRef.current = onState;
  });
  const queueRef = useRef<SaveQueue<ContentPatch> | null>(null);
  // Created on first use (an event handler), so render never touches the refs.
  const queue = (): SaveQueue<ContentPatch> => {
    queueRef.current ??= createSaveQueue<ContentPatch>(
      (patch) => sendRef.current(patch),
      (s, error) => {
        setState(s);
        onStateRef.current(s, error);
      },
    );
    return queueRef.current;
  };

  // Once everything typed here is saved and the engine shows it, the tab follows the engine again,
  // so a colleague's edit pulled from the hub appears in an open composer. Fields still being
  // saved (or that failed) stay as typed.
  useEffect(() => {
    if (state !== 'idle') return;
    const caughtUp = (Object.keys(localRef.current) as (keyof Content)[]).filter((key) =>
      sameValue(localRef.current[key], server[key]),
    );
    if (caughtUp.length === 0) return;
    const rest = { ...localRef.current };
    for (const key of caughtUp) delete rest[key];
    localRef.current = rest;
    setLocal(rest);
  }, [server, state]);

  return {
    content: { ...server, ...local },
    change: (patch) => {
      localRef.current = { ...localRef.current, ...patch };
      setLocal(localRef.current);
      queue().push(patch);
    },
    latest: () => ({ ...serverRef.current, ...localRef.current }),
    reset: () => {
      queue().discard();
      localRef.current = {};
      setLocal({});
    },
    retry: () => queue().retry(),
    state,
  };
}
