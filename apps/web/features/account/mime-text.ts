/**
 * Just enough of MIME (RFC 2045–2047) to read a message of the local mailbox: its headers and
 * its first text/plain part. HTML parts are never rendered, only skipped.
 */

export interface MailHeader {
  name: string;
  value: string;
}

export interface MailText {
  headers: MailHeader[];
  /** The first text/plain part, decoded; null when the message has none. */
  text: string | null;
}

interface Part {
  headers: MailHeader[];
  body: string;
}

function splitPart(raw: string): Part {
  const match = /\r?\n\r?\n/.exec(raw);
  const head = match ? raw.slice(0, match.index) : raw;
  const body = match ? raw.slice(match.index + match[0].length) : '';
  const headers: MailHeader[] = [];
  // A line starting with white space continues the header above it (folding).
  for (const line of head.split(/\r?\n(?![ \t])/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    headers.push({
      name: line.slice(0, colon).trim(),
      value: decodeEncodedWords(
        line
          .slice(colon + 1)
          .replace(/\r?\n[ \t]+/g, ' ')
          .trim(),
      ),
    });
  }
  return { headers, body };
}

function header(headers: MailHeader[], name: string): string | undefined {
  return headers.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;
}

/** `text/plain; charset="utf-8"` → the type and its parameters, names in lower case. */
function contentType(value: string | undefined): { type: string; params: Record<string, string> } {
  const [type = '', ...rest] = (value ?? 'text/plain').split(';');
  const params: Record<string, string> = {};
  for (const param of rest) {
    const eq = param.indexOf('=');
    if (eq < 0) continue;
    params[param.slice(0, eq).trim().toLowerCase()] = param
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
  }
  return { type: type.trim().toLowerCase() || 'text/plain', params };
}

function bytesToText(bytes: Uint8Array, charset: string): string {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    // A charset the browser does not know: UTF-8 is the likeliest right guess.
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function latin1Bytes(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
}

/** Quoted-printable (RFC 2045 §6.7) to text: soft line breaks dropped, =XX bytes decoded. */
export function decodeQuotedPrintable(input: string, charset = 'utf-8'): string {
  const joined = input.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i += 1) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      // Everything else is ASCII by definition; encode it as UTF-8 to be forgiving.
      bytes.push(...new TextEncoder().encode(joined[i]));
    }
  }
  return bytesToText(Uint8Array.from(bytes), charset);
}

function decodeBase64(input: string, charset: string): string {
  try {
    return bytesToText(latin1Bytes(atob(input.replace(/\s+/g, ''))), charset);
  } catch {
    return input;
  }
}

/** `=?UTF-8?Q?Caf=C3=A9?=` and `=?UTF-8?B?...?=` in headers (RFC 2047). */
function decodeEncodedWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_, charset: string, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? decodeBase64(text, charset)
        : decodeQuotedPrintable(text.replace(/_/g, ' '), charset),
    );
}

function decodeBody(part: Part, charset: string): string {
  const encoding = (header(part.headers, 'Content-Transfer-Encoding') ?? '7bit').toLowerCase();
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(part.body, charset);
  if (encoding === 'base64') return decodeBase64(part.body, charset);
  return part.body;
}

function firstPlainText(part: Part, depth: number): string | null {
  const { type, params } = contentType(header(part.headers, 'Content-Type'));
  if (type === 'text/plain') {
    const disposition = header(part.headers, 'Content-Disposition')?.toLowerCase() ?? '';
    if (disposition.startsWith('attachment')) return null;
    return decodeBody(part, params.charset ?? 'utf-8').replace(/\r\n/g, '\n');
  }
  if (!type.startsWith('multipart/') || !params.boundary || depth > 10) return null;
  const delimiter = `--${params.boundary}`;
  const lines = part.body.split(/\r?\n/);
  let current: string[] | null = null;
  for (const line of lines) {
    if (line.startsWith(delimiter)) {
      if (current) {
        const found = firstPlainText(splitPart(current.join('\n')), depth + 1);
        if (found !== null) return found;
      }
      // The closing delimiter ends the multipart; the epilogue after it is ignored.
      if (line.trimEnd() === `${delimiter}--`) return null;
      current = [];
    } else {
      current?.push(line);
    }
  }
  return null;
}

/** A raw message's headers and its first text/plain part. */
export function readMail(raw: string): MailText {
  const message = splitPart(raw);
  return { headers: message.headers, text: firstPlainText(message, 0) };
}

/** One header of a message read with `readMail`, case-insensitively; undefined when absent. */
export function mailHeader(mail: MailText, name: string): string | undefined {
  return header(mail.headers, name);
}
