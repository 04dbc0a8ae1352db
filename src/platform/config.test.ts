import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('mail configuration', () => {
  it('keeps mail in the outbox by default and links to the listening address', () => {
    expect(loadConfig({}, { PORT: '8080' }).mail).toEqual({
      smtpUrl: undefined,
      from: undefined,
      publicUrl: 'http://127.0.0.1:8080',
    });
  });

  it('takes an SMTP server, a sender and the console address', () => {
    const config = loadConfig(
      {},
      {
        VERACITY_SMTP_URL: 'smtps://veracity:secret@mail.insurer.example:465',
        VERACITY_MAIL_FROM: '真信 Veracity <veracity@insurer.example>',
        VERACITY_PUBLIC_URL: 'https://veracity.insurer.example/',
      },
    );
    expect(config.mail).toEqual({
      smtpUrl: 'smtps://veracity:secret@mail.insurer.example:465',
      from: '真信 Veracity <veracity@insurer.example>',
      publicUrl: 'https://veracity.insurer.example',
    });
  });

  it('lists every mail problem at once', () => {
    let details: readonly string[] = [];
    try {
      loadConfig({}, { VERACITY_SMTP_URL: 'mail.example', VERACITY_PUBLIC_URL: 'veracity' });
    } catch (error) {
      details = (error as { details: readonly string[] }).details;
    }
    expect(details.map((d) => d.split(':')[0])).toEqual([
      'VERACITY_SMTP_URL',
      'VERACITY_PUBLIC_URL',
      'VERACITY_MAIL_FROM',
    ]);
    try {
      loadConfig({}, { VERACITY_SMTP_URL: 'smtp://mail.example' });
    } catch (error) {
      details = (error as { details: readonly string[] }).details;
    }
    expect(details).toEqual(['VERACITY_MAIL_FROM: required with VERACITY_SMTP_URL']);
  });
});
