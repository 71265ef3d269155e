import { describe, expect, it } from 'vitest';
import { correctedText } from './correction';

describe('correctedText', () => {
  it('puts the label of the channel’s language before the text, once', () => {
    expect(correctedText(' Bus 12 runs until 23:00 ', 'en', true)).toBe(
      '**Correction:** Bus 12 runs until 23:00',
    );
    expect(correctedText('Il bus 12 corre fino alle 23', 'it', true)).toBe(
      '**Rettifica:** Il bus 12 corre fino alle 23',
    );
    const once = correctedText('Le bus 12 roule', 'fr', true);
    expect(correctedText(once, 'fr', true)).toBe(once);
  });

  it('leaves the text as written without the prefix', () => {
    expect(correctedText('Bus 12 runs until 23:00', 'en', false)).toBe('Bus 12 runs until 23:00');
  });
});
