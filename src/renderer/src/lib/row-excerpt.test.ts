import { describe, expect, it } from 'vitest';
import { parseSource, titleOf, toPlain } from '../../../shared/formatting';
import { excerptBeyondTitle } from './row-excerpt';

/** The row's two lines as the engine and the row compute them from a source text. */
function rowLines(source: string): { title: string; rest: string } {
  const title = titleOf(source);
  const excerpt = toPlain(parseSource(source.replace(/\s+/g, ' ').trim()))
    .replace(/\s+/g, ' ')
    .trim();
  return { title, rest: excerptBeyondTitle(title, excerpt) };
}

describe('excerptBeyondTitle', () => {
  it('drops the title line and keeps what follows', () => {
    expect(rowLines('Lavori in via Nazionale\nChiusura notturna per tre notti.')).toEqual({
      title: 'Lavori in via Nazionale',
      rest: 'Chiusura notturna per tre notti.',
    });
  });

  it('is blind to the markup of the title line', () => {
    const { title, rest } = rowLines(
      '**Sciopero** dei trasporti a _Roma_\n\n- Metro A chiusa\n- Bus sostitutivi',
    );
    expect(title).toBe('Sciopero dei trasporti a Roma');
    expect(rest).toMatch(/^Metro A chiusa/);
    expect(rest).toContain('Bus sostitutivi');
  });

  it('shows nothing when the text is only its title', () => {
    expect(rowLines('Solo titolo').rest).toBe('');
    expect(excerptBeyondTitle('Breaking!', 'Breaking!')).toBe('');
    expect(excerptBeyondTitle('Breaking!', 'Breaking! …')).toBe('');
  });

  it('keeps the title’s closing punctuation out of the excerpt', () => {
    expect(
      excerptBeyondTitle('Breaking: metro closed!', 'Breaking: metro closed! More at 9.'),
    ).toBe('More at 9.');
  });

  it('marks the continuation of a title that was cut short', () => {
    const first = 'parola '.repeat(20).trim();
    const { title, rest } = rowLines(`${first}\nseconda riga`);
    expect(title.endsWith('…')).toBe(true);
    expect(rest.startsWith('…')).toBe(true);
    expect(rest.endsWith('seconda riga')).toBe(true);
    // Nothing of the title is repeated: the continuation is shorter than what the title left out.
    expect(rest.length).toBeLessThan(first.length - title.length + 'seconda riga'.length + 4);
  });

  it('drops a list marker that opened the next line, not a minus sign', () => {
    expect(excerptBeyondTitle('Meteo', 'Meteo - Sole su Roma')).toBe('Sole su Roma');
    expect(excerptBeyondTitle('Meteo', 'Meteo -5 gradi a Campo Imperatore')).toBe(
      '-5 gradi a Campo Imperatore',
    );
  });

  it('keeps the whole excerpt when it does not start with the title', () => {
    expect(excerptBeyondTitle('Meteo', 'Traffico in tangenziale')).toBe('Traffico in tangenziale');
    expect(excerptBeyondTitle('', 'Testo')).toBe('Testo');
  });
});
