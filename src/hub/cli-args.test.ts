import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HUB_HOST,
  DEFAULT_HUB_PORT,
  HubCliUsageError,
  parseHubCliArgs,
  setupLine,
} from './cli-args';

describe('parseHubCliArgs', () => {
  it('defaults to ./hub-data on 127.0.0.1:5179 with PGlite', () => {
    expect(parseHubCliArgs([], {}, '/srv/news')).toEqual({
      dataDir: '/srv/news/hub-data',
      databaseUrl: undefined,
      port: DEFAULT_HUB_PORT,
      host: DEFAULT_HUB_HOST,
      help: false,
    });
  });

  it('reads the data folder and the database URL from the environment', () => {
    const options = parseHubCliArgs(
      [],
      { CHANNEL_DESK_HUB_DATA_DIR: 'data/hub', DATABASE_URL: 'postgres://hub@db/news' },
      '/srv',
    );
    expect(options.dataDir).toBe('/srv/data/hub');
    expect(options.databaseUrl).toBe('postgres://hub@db/news');
  });

  it('takes flags in both spellings, over the environment', () => {
    const options = parseHubCliArgs(
      ['--data-dir', '/var/hub', '--port=0', '--host', '0.0.0.0'],
      { CHANNEL_DESK_HUB_DATA_DIR: 'ignored' },
      '/srv',
    );
    expect(options).toMatchObject({ dataDir: '/var/hub', port: 0, host: '0.0.0.0' });
    expect(parseHubCliArgs(['-h'], {}).help).toBe(true);
  });

  it('explains what it cannot understand', () => {
    expect(() => parseHubCliArgs(['--port', '70000'], {})).toThrow(HubCliUsageError);
    expect(() => parseHubCliArgs(['--port', 'http'], {})).toThrow(/--port must be a number/);
    expect(() => parseHubCliArgs(['--data-dir'], {})).toThrow(/needs a value/);
    expect(() => parseHubCliArgs(['--verbose'], {})).toThrow(/Unknown option "--verbose"/);
    expect(() => parseHubCliArgs([], { DATABASE_URL: 'mysql://x' })).toThrow(/postgres:\/\//);
  });

  it('reads the publishing settings from the environment, and refuses bad ones', () => {
    const options = parseHubCliArgs([], {
      TELEGRAM_API_ROOT: 'http://127.0.0.1:8081',
      CHANNEL_DESK_PUBLISH_LEASE_MS: '5000',
    });
    expect(options).toMatchObject({
      telegramApiRoot: 'http://127.0.0.1:8081',
      publishLeaseMs: 5000,
    });
    expect(parseHubCliArgs([], {})).toMatchObject({
      telegramApiRoot: undefined,
      publishLeaseMs: undefined,
    });
    expect(() => parseHubCliArgs([], { TELEGRAM_API_ROOT: 'ftp://x' })).toThrow(/http:\/\//);
    expect(() => parseHubCliArgs([], { CHANNEL_DESK_PUBLISH_LEASE_MS: '10' })).toThrow(
      /at least 1000/,
    );
  });
});

describe('setupLine', () => {
  it('is one line with a link that carries the token in its fragment', () => {
    const line = setupLine('http://127.0.0.1:5179', 'TOKEN123', new Date('2026-01-02T03:04:05Z'));
    expect(line).not.toContain('\n');
    expect(line).toContain('http://127.0.0.1:5179/#setup-token=TOKEN123');
    expect(line).toContain('2026-01-02T03:04:05.000Z');
  });
});
