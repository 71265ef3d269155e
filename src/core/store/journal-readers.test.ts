import { expect, it } from 'vitest';
import { JournalReaders } from './journal-readers';

/** A promise and the function that resolves it. */
function gate(): { opened: Promise<void>; open(): void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

it('puts a removal off while anyone reads, and retries it when the last reader leaves', async () => {
  const readers = new JournalReaders();
  const first = gate();
  const second = gate();
  const reads = [readers.read(() => first.opened), readers.read(() => second.opened)];
  const log: string[] = [];
  await readers.remove(
    async () => void log.push('removed'),
    () => log.push('retry'),
  );
  expect(log).toEqual([]);
  first.open();
  await reads[0];
  expect(log).toEqual([]);
  second.open();
  await reads[1];
  expect(log).toEqual(['retry']);
  await readers.remove(
    async () => void log.push('removed'),
    () => log.push('retry again'),
  );
  expect(log).toEqual(['retry', 'removed']);
});

it('makes a reader wait for a removal in progress', async () => {
  const readers = new JournalReaders();
  const removal = gate();
  const log: string[] = [];
  const removing = readers.remove(
    () => removal.opened.then(() => void log.push('removed')),
    () => log.push('retry'),
  );
  const reading = readers.read(async () => void log.push('read'));
  await new Promise((resolve) => setTimeout(resolve, 5));
  expect(log).toEqual([]);
  removal.open();
  await Promise.all([removing, reading]);
  expect(log).toEqual(['removed', 'read']);
});
