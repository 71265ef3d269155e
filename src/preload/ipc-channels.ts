// IPC channel names, shared by the preload (which sends) and main (which answers).

/** Renderer → main: `(name, arg)` → DeskReply. */
export const IPC_INVOKE_CHANNEL = 'desk:invoke';
/** Main → renderer: `{ event, payload }` for every engine event. */
export const IPC_EVENT_CHANNEL = 'desk:event';
/** Main → renderer: `{ event, payload }` for shell events (menu actions, opening a story). */
export const IPC_SHELL_EVENT_CHANNEL = 'desk:shell-event';
/** Renderer → main, one-way: a ShellMessage (the page's language, the spellcheck language). */
export const IPC_SHELL_MESSAGE_CHANNEL = 'desk:shell-message';
