/** What every PDF we render needs: its bytes as one Buffer, and text the built-in fonts can draw. */

/** The document's bytes once `doc.end()` has been called; take it before drawing starts. */
export function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

// pdfkit's built-in Helvetica only has the Windows-1252 glyphs; anything else would print as
// garbage. Keep what it can draw, drop accents it cannot (ř → r), and show '?' for the rest.
const CP1252_EXTRAS = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
// Letters with a stroke have no Unicode decomposition, so NFD alone would turn them into '?'.
const STROKED: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i' };

export function latin1Safe(text: string): string {
  return Array.from(text.replace(/[\u00a0\u2000-\u200b\u202f]/g, ' '), (char) => {
    if (drawable(char)) return char;
    if (STROKED[char]) return STROKED[char];
    const base = char.normalize('NFD').replace(/\p{M}/gu, '');
    return base && [...base].every(drawable) ? base : '?';
  }).join('');
}

function drawable(char: string): boolean {
  const code = char.codePointAt(0)!;
  return (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || CP1252_EXTRAS.includes(char);
}
