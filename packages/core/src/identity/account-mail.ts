import type { EmailMessage } from '../outbox/enqueue-email';

// The web app serves these pages (apps/web); the token travels in the query string, as the
// pages read it from there and post it back to the API.
function link(
  publicUrl: string,
  page: 'verify-email' | 'reset-password' | 'accept-invite',
  token: string,
): string {
  return `${publicUrl.replace(/\/+$/, '')}/${page}?token=${encodeURIComponent(token)}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function message(to: string, subject: string, lines: string[], url?: string): EmailMessage {
  const text = [...lines, ...(url ? ['', url] : [])].join('\n');
  const html = [
    ...lines.map((l) => `<p>${escapeHtml(l)}</p>`),
    ...(url ? [`<p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`] : []),
  ].join('\n');
  return { to, subject, text, html };
}

export function verificationMail(publicUrl: string, to: string, name: string, token: string): EmailMessage {
  return message(
    to,
    'Confirm your e-mail address',
    [
      `Hello ${name},`,
      'please confirm that this is your e-mail address for EventHub by opening the link below.',
      'The link works once, for 24 hours. If you did not sign up, ignore this message.',
    ],
    link(publicUrl, 'verify-email', token),
  );
}

export function emailChangeMail(publicUrl: string, to: string, name: string, token: string): EmailMessage {
  return message(
    to,
    'Confirm your new e-mail address',
    [
      `Hello ${name},`,
      'you asked to use this address for your EventHub account. Open the link below to confirm it;',
      'until then your account keeps its old address. The link works once, for 24 hours.',
      'If you did not ask for this, ignore this message.',
    ],
    link(publicUrl, 'verify-email', token),
  );
}

export function passwordResetMail(publicUrl: string, to: string, name: string, token: string): EmailMessage {
  return message(
    to,
    'Reset your EventHub password',
    [
      `Hello ${name},`,
      'someone (hopefully you) asked to reset the password of your EventHub account.',
      'Open the link below to choose a new one; it works once, for 1 hour, and signs you out everywhere.',
      'If you did not ask for this, ignore this message: your password stays as it is.',
    ],
    link(publicUrl, 'reset-password', token),
  );
}

/** An organizer invites door staff: the link lets them choose their own password. */
export function staffInvitationMail(
  publicUrl: string,
  to: string,
  name: string,
  organizerName: string,
  token: string,
): EmailMessage {
  return message(
    to,
    `${organizerName} invited you to check in tickets on EventHub`,
    [
      `Hello ${name},`,
      `${organizerName} added you as door staff on EventHub: you will be able to check in tickets of their events.`,
      'Open the link below to choose your password; it works once, for 7 days.',
      'If you did not expect this, ignore this message: no account is usable without that step.',
    ],
    link(publicUrl, 'accept-invite', token),
  );
}

/** Sent to the old address, so an owner whose account was taken over learns of it. */
export function emailChangedNotice(to: string, name: string, newEmail: string): EmailMessage {
  return message(to, 'Your EventHub e-mail address was changed', [
    `Hello ${name},`,
    `the e-mail address of your EventHub account is now ${newEmail}.`,
    'If you did not make this change, reset your password at once and contact us.',
  ]);
}

/** Sent after a password change or reset, for the same reason. */
export function passwordChangedNotice(to: string, name: string): EmailMessage {
  return message(to, 'Your EventHub password was changed', [
    `Hello ${name},`,
    'the password of your EventHub account was just changed, and your other sign-ins were ended.',
    'If you did not make this change, reset your password at once.',
  ]);
}
