// IPC channel names, shared by the preload (which sends) and main (which answers).

/** Renderer → main: `(name, arg)` → DeskReply. */
export const IPC_INVOKE_CHANNEL = 'desk:invoke';
/** Main → renderer: `{ event, payload }` for every engine event. */
export const IPC_EVENT_CHANNEL = 'desk:event';
