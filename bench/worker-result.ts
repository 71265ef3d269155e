// Benchmark phases run in child processes and report one `RESULT {json}` line on stdout.
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';

export type WorkerResult = Record<string, number>;

/** Resolves with the figures of the child's last `RESULT` line; rejects if it failed or gave none. */
export function workerResult(
  child: ChildProcess | ChildProcessWithoutNullStreams,
  describe: (code: number | null, out: string) => string,
): Promise<WorkerResult> {
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      const line = out
        .trim()
        .split('\n')
        .findLast((l) => l.startsWith('RESULT '));
      if (code !== 0 || !line) reject(new Error(describe(code, out)));
      else resolve(JSON.parse(line.slice('RESULT '.length)) as WorkerResult);
    });
  });
}
