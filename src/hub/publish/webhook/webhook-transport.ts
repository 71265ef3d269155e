// One POST to a receiver, bounded in time and in what it reads back: the result is either the
// receiver's answer or, when there was none, the reason in words an editor can act on.

/** The most of a receiver's body that is read; the rest is not needed to judge the answer. */
export const MAX_ANSWER_BYTES = 64 * 1024;

/** What came back from one POST. */
export type Delivery =
  | { kind: 'answer'; status: number; headers: Headers; body: string }
  | { kind: 'no-answer'; reason: string };

export interface PostRequest {
  url: URL;
  headers: Record<string, string>;
  body: Buffer;
  timeoutMs: number;
}

async function readCapped(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < MAX_ANSWER_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } catch {
    // The status already says how the receiver took the delivery; a body cut short is only
    // missing detail.
  } finally {
    reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).subarray(0, MAX_ANSWER_BYTES).toString('utf8');
}

const TLS_CODES =
  /^(CERT_|ERR_TLS_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_)/;

interface ErrorFacts {
  code: string | undefined;
  message: string;
}

// fetch wraps the socket's error in `cause` (an AggregateError when every address failed).
function rootError(error: unknown): ErrorFacts {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return { code, message: current.message };
    const next: unknown =
      current instanceof AggregateError && current.errors.length > 0
        ? current.errors[0]
        : current.cause;
    if (next === undefined) break;
    current = next;
  }
  return { code: undefined, message: current instanceof Error ? current.message : String(current) };
}

/** The reason, in words, that a POST to `url` got no answer. */
export function noAnswerReason(error: unknown, url: URL, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `timeout: ${url.host} did not answer within ${timeoutMs / 1000} s`;
  }
  const { code, message } = rootError(error);
  switch (code) {
    case 'ENOTFOUND':
      return `DNS failure: the host name ${url.hostname} was not found`;
    case 'EAI_AGAIN':
      return `DNS failure: the host name ${url.hostname} could not be looked up (temporary)`;
    case 'ECONNREFUSED':
      return `connection refused by ${url.host}`;
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return `the connection to ${url.host} was closed before an answer`;
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return `timeout: could not connect to ${url.host}`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `network unreachable: no route to ${url.host}`;
    default:
      if (code !== undefined && TLS_CODES.test(code)) {
        return `TLS failure with ${url.host}: ${message} (${code})`;
      }
      return `network error with ${url.host}: ${message}${code ? ` (${code})` : ''}`;
  }
}

/** POSTs once, following no redirect (a redirected POST would arrive as a GET). */
export async function postOnce(fetchFn: typeof fetch, req: PostRequest): Promise<Delivery> {
  const signal = AbortSignal.timeout(req.timeoutMs);
  try {
    const response = await fetchFn(req.url, {
      method: 'POST',
      headers: req.headers,
      body: req.body,
      redirect: 'manual',
      signal,
    });
    return {
      kind: 'answer',
      status: response.status,
      headers: response.headers,
      body: await readCapped(response),
    };
  } catch (error) {
    return { kind: 'no-answer', reason: noAnswerReason(error, req.url, req.timeoutMs) };
  }
}
