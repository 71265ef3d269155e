// How a desk reaches a hub: over HTTP for a team hub, in-process for the built-in solo hub.

export interface HubResponse {
  status: number;
  /** Parsed JSON, or the raw bytes for binary answers. */
  body: unknown;
  headers: Record<string, string>;
}

export interface HubRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path and query under the hub's root, e.g. "/v1/sync/changes?after=0". */
  path: string;
  /** A JSON value, or bytes sent as application/octet-stream. */
  body?: unknown;
  /** Expect bytes back (attachments). */
  binary?: boolean;
  /** Give up after this long (default 30 s). */
  timeoutMs?: number;
  /**
   * Called with the answer's headers as soon as they arrive, before its body is read (a pull asks
   * for its next page then). A transport that cannot tell earlier does not call it.
   */
  onHeaders?: (headers: Record<string, string>) => void;
}

/** The hub could not be reached at all (no network, refused, timed out). */
export class HubUnreachableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'HubUnreachableError';
  }
}

export interface HubTransport {
  /** Where this transport goes, for people ("built-in hub" or the URL). */
  readonly label: string;
  /** Sends one request with the session token; throws HubUnreachableError when nothing answered. */
  request(req: HubRequest): Promise<HubResponse>;
  /**
   * Listens for the hub's "pull now" pokes; `onState` reports whether the channel is open.
   * Returns a function that stops listening.
   */
  subscribe(onPoke: (version: number) => void, onState: (open: boolean) => void): () => void;
  /** The token this transport signs requests with (null: signed out). */
  setToken(token: string | null): void;
  close(): Promise<void>;
}
