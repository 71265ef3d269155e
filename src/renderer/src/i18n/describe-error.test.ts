import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { describeError, fieldErrors } from './describe-error';
import en from './en.json';
import it_ from './it.json';

const i18n = i18next.createInstance();
await i18n.init({
  resources: { en: { translation: en }, it: { translation: it_ } },
  lng: 'en',
  interpolation: { escapeValue: false },
  showSupportNotice: false,
});

/** The refusal the engine sends when a copy with an unfinished poll is scheduled. */
const unfinishedPoll = {
  code: 'invalid_argument',
  message: 'The poll is not finished: finish it or remove it before scheduling.',
  issues: [
    { path: 'poll.question', message: 'a poll needs a question' },
    { path: 'poll.options.1', message: 'an option cannot be empty' },
    { path: 'poll.options.2', message: 'an option cannot be empty' },
    { path: 'poll.options', message: 'Too small: expected array to have >=2 items' },
    { path: 'poll.options', message: 'options must differ' },
  ],
};

describe('describeError', () => {
  it('says a poll is not ready, with each reason once, when scheduling is refused for it', () => {
    expect(describeError(unfinishedPoll, i18n.t)).toBe(
      'The poll is not ready to publish. A poll needs a question. An option cannot be empty. ' +
        'A poll needs at least 2 options. Finish it or remove it, then schedule again.',
    );
  });

  it('still says the options must differ when none of them is blank', () => {
    const twins = {
      ...unfinishedPoll,
      issues: [{ path: 'poll.options', message: 'options must differ' }],
    };
    expect(describeError(twins, i18n.t)).toBe(
      'The poll is not ready to publish. Options must be different from each other. ' +
        'Finish it or remove it, then schedule again.',
    );
  });

  it('speaks the interface language', async () => {
    await i18n.changeLanguage('it');
    try {
      expect(describeError(unfinishedPoll, i18n.t)).toMatch(
        /^Il sondaggio non è pronto per la pubblicazione\. Il sondaggio deve avere una domanda\./,
      );
    } finally {
      await i18n.changeLanguage('en');
    }
  });

  it('keeps the general wording when other fields are refused too', () => {
    const mixed = {
      ...unfinishedPoll,
      issues: [
        { path: 'poll.question', message: 'a poll needs a question' },
        { path: 'at', message: 'this time is in the past' },
      ],
    };
    expect(describeError(mixed, i18n.t)).toBe(
      'Please check what you entered: A poll needs a question. · This time has already passed.',
    );
  });

  it('shows what the hub said as the engine wrote it', () => {
    for (const code of ['hub_unreachable', 'hub_refused'] as const) {
      const message = `Nothing answers at https://hub.example.org (${code}).`;
      expect(describeError({ code, message }, i18n.t)).toBe(message);
    }
  });
});

describe('fieldErrors for the hub sign-in form', () => {
  it('puts each missing field’s message under that field, translated', async () => {
    const refused = {
      code: 'invalid_argument',
      message:
        'Invalid connectHub request — url: type the hub address; password: type your password',
      issues: [
        { path: 'url', message: 'type the hub address' },
        { path: 'password', message: 'type your password' },
      ],
    };
    const fields = ['url', 'email', 'password'];
    expect(fieldErrors(refused, fields, i18n.t)).toEqual({
      url: 'Type the hub address.',
      password: 'Type your password.',
    });
    await i18n.changeLanguage('it');
    try {
      expect(fieldErrors(refused, fields, i18n.t).url).toBe('Scrivi l’indirizzo dell’hub.');
    } finally {
      await i18n.changeLanguage('en');
    }
  });
});
