import { describe, expect, it } from 'vitest';
import {
  SECRET_BYTES,
  base64Url,
  configFor,
  factLabel,
  factValue,
  feedUrls,
  fieldsOf,
  generateSecret,
} from './connector-fields';
import { tEn, tIt } from './test-i18n';
import { whatsAppText } from './whatsapp-text';

const fields = { chatId: ' @rome_mobility ', url: ' https://cms.example.org/hook ', link: '' };

describe('configFor', () => {
  it('sends each platform only its own settings, trimmed', () => {
    expect(configFor('telegram', fields)).toEqual({ chatId: '@rome_mobility' });
    expect(configFor('webhook', fields)).toEqual({ url: 'https://cms.example.org/hook' });
    expect(configFor('feed', fields)).toEqual({});
  });

  it('leaves an empty WhatsApp link out (it is optional)', () => {
    expect(configFor('whatsapp', fields)).toEqual({});
    expect(
      configFor('whatsapp', { ...fields, link: ' https://whatsapp.com/channel/0029Va ' }),
    ).toEqual({ link: 'https://whatsapp.com/channel/0029Va' });
  });

  it('starts the form from the saved settings, ignoring what is not text', () => {
    expect(fieldsOf({ config: { chatId: '-100123', url: 7 } })).toEqual({
      chatId: '-100123',
      url: '',
      link: '',
    });
  });
});

describe('generateSecret', () => {
  it('draws 32 bytes and writes them as unpadded base64url (43 characters)', () => {
    const secret = generateSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(generateSecret()).not.toBe(secret);
  });

  it('encodes the bytes it was given', () => {
    const random = {
      getRandomValues: <T extends ArrayBufferView | null>(array: T): T => {
        const bytes = array as unknown as Uint8Array;
        for (let i = 0; i < bytes.length; i++) bytes[i] = 0xfb + (i % 5);
        return array;
      },
    };
    const secret = generateSecret(random);
    const decoded = Buffer.from(secret, 'base64url');
    expect(decoded).toHaveLength(SECRET_BYTES);
    expect([...decoded.subarray(0, 5)]).toEqual([0xfb, 0xfc, 0xfd, 0xfe, 0xff]);
    expect(base64Url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
  });
});

describe('feedUrls', () => {
  it('gives the team hub’s RSS and JSON Feed addresses for the channel', () => {
    expect(feedUrls({ mode: 'team', hub: 'hub.news.example:8443' }, 'ch 1')).toEqual({
      rss: 'https://hub.news.example:8443/v1/feeds/ch%201/rss.xml',
      json: 'https://hub.news.example:8443/v1/feeds/ch%201/feed.json',
    });
    expect(feedUrls({ mode: 'team', hub: '127.0.0.1:7070' }, 'c1')?.rss).toBe(
      'http://127.0.0.1:7070/v1/feeds/c1/rss.xml',
    );
    expect(feedUrls({ mode: 'team', hub: 'http://localhost:7070/' }, 'c1')?.json).toBe(
      'http://localhost:7070/v1/feeds/c1/feed.json',
    );
  });

  it('has none without a team hub', () => {
    expect(feedUrls({ mode: 'solo', hub: 'built-in hub' }, 'c1')).toBeNull();
    expect(feedUrls({ mode: 'none', hub: null }, 'c1')).toBeNull();
    expect(feedUrls(undefined, 'c1')).toBeNull();
  });
});

describe('facts', () => {
  it('names the hub’s findings and translates its yes and no', () => {
    expect(factLabel('bot', tEn)).toBe('Bot');
    expect(factLabel('canDeleteMessages', tIt)).toBe('Può eliminare');
    expect(factLabel('somethingNew', tEn)).toBe('somethingNew');
    expect(factValue('yes', tIt)).toBe('sì');
    expect(factValue('@city_bot', tEn)).toBe('@city_bot');
  });
});

describe('whatsAppText', () => {
  it('renders the source text in WhatsApp markup, ready to paste', () => {
    expect(whatsAppText({ text: '**Line A** closed\n\n- [map](https://x.org)' })).toBe(
      '*Line A* closed\n\n- map (https://x.org)',
    );
  });
});
