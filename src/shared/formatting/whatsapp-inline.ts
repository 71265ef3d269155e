// One line of WhatsApp markup → inline nodes, the way WhatsApp displays it.
import { pushInline } from './inline-utils';
import type { Inline } from './types';
import { WA_URL_RE, closesSpan, opensSpan } from './whatsapp-rules';

type Atom = { end: number; node: Inline };

const STYLE_OF = { '*': 'bold', _: 'italic', '~': 'strike' } as const;
type Marker = keyof typeof STYLE_OF;
const MAX_SPAN_DEPTH = 8;
const TRAILING_PUNCT_RE = /[.,;:!?'"»`\]]+$/;

function trimUrl(url: string, before: string | undefined): string {
  let out = url;
  // A trailing style marker closes a span around the URL (`*see https://a.org*`) unless the
  // URL uses that character itself (`https://a.org/_x_`) and no span opened right before it.
  for (let prev = ''; prev !== out;) {
    prev = out;
    out = out.replace(TRAILING_PUNCT_RE, '');
    const last = out[out.length - 1] ?? '';
    if ('*_~'.includes(last) && (before === last || !out.slice(0, -1).includes(last)))
      out = out.slice(0, -1);
    // A closing parenthesis belongs to the URL only when it closes one opened inside it.
    if (out.endsWith(')') && (out.match(/\(/g) ?? []).length < (out.match(/\)/g) ?? []).length)
      out = out.slice(0, -1);
  }
  return out;
}

// Code spans and links are read first and whole: no marker inside them counts.
function findAtoms(line: string): Map<number, Atom> {
  const urls: { start: number; text: string }[] = [];
  for (const match of line.matchAll(WA_URL_RE)) {
    const text = trimUrl(match[0], line[match.index - 1]);
    if (text.length > 4) urls.push({ start: match.index, text });
  }
  const atoms = new Map<number, Atom>();
  let u = 0;
  for (let i = 0; i < line.length;) {
    while (u < urls.length && (urls[u]?.start ?? 0) < i) u++;
    const url = urls[u];
    if (url?.start === i) {
      const href = url.text.toLowerCase().startsWith('www.') ? `http://${url.text}` : url.text;
      atoms.set(i, {
        end: i + url.text.length,
        node: { type: 'link', href, children: [{ type: 'text', text: url.text }] },
      });
      i += url.text.length;
      continue;
    }
    if (line[i] === '`') {
      const fence = line.startsWith('```', i) ? '```' : '`';
      let close = line.indexOf(fence, i + fence.length);
      let open = fence;
      if (close <= i + fence.length && fence === '```') {
        open = '`';
        close = line.indexOf('`', i + 1);
      }
      if (close > i + open.length) {
        atoms.set(i, {
          end: close + open.length,
          node: { type: 'code', text: line.slice(i + open.length, close) },
        });
        i = close + open.length;
        continue;
      }
    }
    i++;
  }
  return atoms;
}

function firstAtLeast(sorted: number[], value: number): number | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return sorted[lo];
}

/** Parses one line of WhatsApp markup into inline nodes. */
export function parseWhatsAppLine(line: string): Inline[] {
  const atoms = findAtoms(line);
  const blocked = new Uint8Array(line.length);
  for (const [start, atom] of atoms) blocked.fill(1, start, atom.end);
  const closers: Record<Marker, number[]> = { '*': [], _: [], '~': [] };
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as Marker;
    if (ch in STYLE_OF && !blocked[i] && closesSpan(line[i - 1], line[i + 1])) closers[ch].push(i);
  }

  const parse = (from: number, to: number, depth: number): Inline[] => {
    const out: Inline[] = [];
    let text = '';
    const flush = (): void => {
      pushInline(out, { type: 'text', text });
      text = '';
    };
    for (let i = from; i < to;) {
      const atom = atoms.get(i);
      if (atom && atom.end <= to) {
        flush();
        out.push(atom.node);
        i = atom.end;
        continue;
      }
      const ch = line[i] as Marker;
      if (
        ch in STYLE_OF &&
        depth < MAX_SPAN_DEPTH &&
        !blocked[i] &&
        opensSpan(line[i - 1], line[i + 1])
      ) {
        const close = firstAtLeast(closers[ch], i + 2);
        if (close !== undefined && close < to) {
          flush();
          out.push({ type: STYLE_OF[ch], children: parse(i + 1, close, depth + 1) });
          i = close + 1;
          continue;
        }
      }
      text += line[i];
      i++;
    }
    flush();
    return out;
  };
  return parse(0, line.length, 0);
}
