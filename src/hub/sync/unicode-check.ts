// Text the hub stores as jsonb must be well-formed UTF-16: PostgreSQL refuses half of a surrogate
// pair in JSON, so such input is answered with a 400 before it can fail a write with a 500.
import { HubError } from '../http/errors';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The path of the first string (or key) in `data` holding a lone surrogate, or null. */
export function pathOfLoneSurrogate(data: unknown): string | null {
  // Iterative, so that deep input cannot overflow the stack.
  const stack: Array<[unknown, string]> = [[data, '']];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) return path;
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (LONE_SURROGATE.test(key)) return path;
        stack.push([child, path ? `${path}.${key}` : key]);
      }
    }
  }
  return null;
}

/** Throws a 400 naming where the request body holds text that is not valid Unicode. */
export function assertWellFormedText(body: unknown): void {
  const at = pathOfLoneSurrogate(body);
  if (at === null) return;
  const path = at ? `body.${at}` : 'body';
  const message = 'text must be valid Unicode (it holds half of a surrogate pair)';
  throw new HubError(400, 'invalid_request', `${path}: ${message}.`, [{ path, message }]);
}
