// One phase of the `sync` benchmark, run in its own process (desks only: the hub runs in another),
// so that the desk's RSS is its own:
//   push    <root> <url> <setupToken> <mutations>   offline work, then the timed push
//   seed    <root> <url> <setupToken> <updates>     the hub gets its updates through import
//   pull    <root> <url> <updates>                  a fresh desk's first sync, timed
//   visible <root> <url> <setupToken> <edits>       edit on desk A → visible on desk B
// Desks live in folders under <root>. Prints `RESULT <json>` as its last line.
import { measurePush, measureVisible } from './sync-bench-edits';
import { measurePull, seedHub } from './sync-bench-pull';

async function runPhase(phase: string | undefined, args: string[]) {
  const [root, url, third, fourth] = args;
  if (!root || !url || !third) throw new Error(`missing arguments for phase ${phase}`);
  switch (phase) {
    case 'push':
      return measurePush(root, url, third, Number(fourth));
    case 'seed':
      return seedHub(url, third, Number(fourth));
    case 'pull':
      return measurePull(root, url, Number(third));
    case 'visible':
      return measureVisible(root, url, third, Number(fourth));
    default:
      throw new Error(`unknown phase ${phase} (push, seed, pull or visible)`);
  }
}

const [phase, ...args] = process.argv.slice(2);
try {
  const result = await runPhase(phase, args);
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
} catch (error) {
  console.error(`sync-bench-worker ${phase}:`, error);
  process.exitCode = 1;
}
