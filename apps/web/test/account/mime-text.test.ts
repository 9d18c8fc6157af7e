import { describe, expect, it } from 'vitest';
import { decodeQuotedPrintable, mailHeader, readMail } from '../../features/account/mime-text';

// As nodemailer writes it: text and HTML alternatives inside multipart/mixed, with an attachment.
const NESTED = [
  'From: EventHub <no-reply@eventhub.local>',
  'To: ana@example.com',
  'Subject: =?UTF-8?Q?Your_tickets_for_Caf=C3=A9_Summit?=',
  'Date: Wed, 25 Nov 2026 16:40:27 +0000',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="--_NmP-1-Part_1"',
  '',
  '----_NmP-1-Part_1',
  'Content-Type: multipart/alternative;',
  ' boundary="--_NmP-1-Part_2"',
  '',
  '----_NmP-1-Part_2',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'Hello Ana M=C3=BCller,',
  '',
  'Thank you for your order 01J: 2 ticket(s) for =',
  'Caf=C3=A9 Summit =E2=80=94 see you there.',
  '',
  '----_NmP-1-Part_2',
  'Content-Type: text/html; charset=utf-8',
  'Content-Transfer-Encoding: 7bit',
  '',
  '<p>Hello <script>alert(1)</script></p>',
  '----_NmP-1-Part_2--',
  '',
  '----_NmP-1-Part_1',
  'Content-Type: image/png; name=ticket.png',
  'Content-Transfer-Encoding: base64',
  'Content-Disposition: attachment; filename=ticket.png',
  '',
  'cG5n',
  '----_NmP-1-Part_1--',
  '',
].join('\n');

describe('readMail', () => {
  it('finds the first text/plain part of nested multiparts and decodes quoted-printable', () => {
    const mail = readMail(NESTED);
    expect(mail.text).toBe(
      'Hello Ana Müller,\n\nThank you for your order 01J: 2 ticket(s) for Café Summit — see you there.\n',
    );
    expect(mail.text).not.toContain('<p>');
  });

  it('reads headers, unfolding them and decoding encoded words', () => {
    const mail = readMail(NESTED);
    expect(mailHeader(mail, 'subject')).toBe('Your tickets for Café Summit');
    expect(mailHeader(mail, 'To')).toBe('ana@example.com');
    expect(mailHeader(mail, 'Content-Type')).toBe('multipart/mixed; boundary="--_NmP-1-Part_1"');
    expect(mailHeader(mail, 'Cc')).toBeUndefined();
  });

  it('takes a single-part message as it is, with CRLF line ends', () => {
    const raw = 'Subject: Hi\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nLine one\r\nLine two\r\n';
    expect(readMail(raw).text).toBe('Line one\nLine two\n');
    expect(readMail('Subject: No type\n\nplain').text).toBe('plain');
  });

  it('decodes base64 text parts and gives null for a message without plain text', () => {
    const b64 = [
      'Content-Type: multipart/alternative; boundary=b',
      '',
      '--b',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('Grüße').toString('base64'),
      '--b--',
    ].join('\n');
    expect(readMail(b64).text).toBe('Grüße');
    const htmlOnly = 'Content-Type: text/html\n\n<p>only html</p>';
    expect(readMail(htmlOnly).text).toBeNull();
  });
});

describe('decodeQuotedPrintable', () => {
  it('drops soft line breaks and decodes bytes in the given charset', () => {
    expect(decodeQuotedPrintable('a=3Db =\nc')).toBe('a=b c');
    expect(decodeQuotedPrintable('caf=E9', 'iso-8859-1')).toBe('café');
    // A lone "=" that is not an escape stays.
    expect(decodeQuotedPrintable('50% =off')).toBe('50% =off');
  });
});
