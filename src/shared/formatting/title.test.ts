import { describe, expect, it } from 'vitest';
import { titleOf } from './title';

describe('titleOf', () => {
  it('takes the first non-empty line as plain text', () => {
    expect(titleOf('\n\n  **Breaking:** fire in _Roma_\nsecond line')).toBe(
      'Breaking: fire in Roma',
    );
    expect(titleOf('- first item\n- second')).toBe('• first item');
    expect(titleOf('> quoted [link](https://x.org)')).toBe('quoted link');
    expect(titleOf('<script>x</script>')).toBe('<script>x</script>');
  });

  it('returns an empty string for blank text', () => {
    expect(titleOf('')).toBe('');
    expect(titleOf(' \n\t\n')).toBe('');
  });

  it('cuts at maxChars without splitting an emoji', () => {
    expect(titleOf('abcdefghij', 5)).toBe('abcd…');
    const family = '👨‍👩‍👧';
    const cut = titleOf(`${family}${family}${family}`, 2);
    expect(cut).toBe(`${family}…`);
    expect(titleOf('short', 80)).toBe('short');
  });

  it('stays fast on a huge first paragraph', () => {
    const start = performance.now();
    expect(titleOf('word '.repeat(20_000), 10)).toBe('word word…');
    // Linear work takes a few ms; a quadratic scan of 100 KB would take seconds.
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
