import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliUsageError, DEFAULT_PORT, parseCliArgs } from './cli-args';

const ENV = { CHANNEL_DESK_DATA_DIR: '/env/desk' };

describe('parseCliArgs', () => {
  it('defaults to the env data dir and port 5178', () => {
    expect(parseCliArgs([], ENV)).toEqual({
      dataDir: '/env/desk',
      port: DEFAULT_PORT,
      help: false,
    });
    expect(DEFAULT_PORT).toBe(5178);
  });

  it('reads both flags in both spellings', () => {
    expect(parseCliArgs(['--data-dir', '/a', '--port', '0'], ENV)).toMatchObject({
      dataDir: '/a',
      port: 0,
    });
    expect(parseCliArgs(['--data-dir=rel', '--port=8080'], ENV)).toMatchObject({
      dataDir: resolve('rel'),
      port: 8080,
    });
  });

  it('recognises --help', () => {
    expect(parseCliArgs(['--help'], ENV).help).toBe(true);
  });

  it.each([
    [['--port', 'abc']],
    [['--port', '70000']],
    [['--port', '-1']],
    [['--port=1.5']],
    [['--port']],
    [['--data-dir=']],
    [['--verbose']],
  ])('refuses %j', (argv) => {
    expect(() => parseCliArgs(argv, ENV)).toThrow(CliUsageError);
  });
});
