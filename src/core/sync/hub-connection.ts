// Connecting to a newsroom's hub: the address checked, the hub's version checked, the person
// signed in — each failure put in words the person can act on.
import { DeskError } from '../../shared/contract';
import { HubUnreachableError } from '../../shared/sync/transport';
import type { HubTransport } from '../../shared/sync/transport';
import type { SessionGrant } from './hub-calls';
import { HubCallError, SUPPORTED_API_VERSION, hubCalls } from './hub-calls';
import { createHttpTransport, normaliseHubUrl } from './http-transport';

export interface TeamConnection {
  url: string;
  transport: HubTransport;
  grant: SessionGrant;
}

function parseUrl(input: string): URL {
  try {
    return normaliseHubUrl(input);
  } catch (error) {
    throw new DeskError(
      'invalid_argument',
      error instanceof TypeError && error.message.startsWith('A hub')
        ? error.message
        : `"${input}" is not a web address. Type the hub's address, e.g. https://hub.example.org.`,
      [{ path: 'url', message: 'not a web address' }],
    );
  }
}

/** Checks the hub at `url` and signs in; the transport returned carries the new session. */
export async function connectTeamHub(
  input: { url: string; email: string; password: string },
  makeTransport: (url: URL) => HubTransport = (url) => createHttpTransport(url),
): Promise<TeamConnection> {
  const url = parseUrl(input.url);
  const transport = makeTransport(url);
  try {
    const health = await hubCalls.health(transport);
    if (health.apiVersion !== SUPPORTED_API_VERSION) {
      throw new DeskError(
        'hub_refused',
        health.apiVersion > SUPPORTED_API_VERSION
          ? `This hub (version ${health.hubVersion}) is newer than this desk: update Channel Desk to connect to it.`
          : `This hub (version ${health.hubVersion}) is older than this desk: ask its administrator to update it.`,
      );
    }
    if (health.setupRequired) {
      throw new DeskError(
        'hub_refused',
        'This hub is not set up yet: its owner has to finish the setup first (see the link it printed when it started).',
      );
    }
    const grant = await hubCalls.signIn(transport, input.email, input.password);
    transport.setToken(grant.token);
    return { url: url.href.replace(/\/$/, ''), transport, grant };
  } catch (error) {
    await transport.close();
    throw explain(error, url);
  }
}

function explain(error: unknown, url: URL): unknown {
  if (error instanceof DeskError) return error;
  if (error instanceof HubUnreachableError) return new DeskError('hub_unreachable', error.message);
  if (error instanceof HubCallError) {
    if (error.status === 401)
      return new DeskError('hub_refused', 'Wrong email or password for this hub.', [
        { path: 'password', message: 'wrong email or password' },
      ]);
    if (error.status === 429) return new DeskError('hub_refused', error.message);
    return new DeskError('hub_refused', `The hub at ${url.host} refused: ${error.message}`);
  }
  return error;
}
