import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

// Tests read our PDFs back the way a person's viewer would: with pdf.js and its standard fonts.
const standardFontDataUrl = path.join(
  path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')),
  'standard_fonts/',
);

export async function openPdf(pdf: Buffer): Promise<PDFDocumentProxy> {
  return getDocument({ data: new Uint8Array(pdf), standardFontDataUrl, isOffscreenCanvasSupported: false })
    .promise;
}

/** One page's text; pdf.js reports line ends as empty items, so runs of space become one. */
export async function pageText(pdf: PDFDocumentProxy, pageNumber: number): Promise<string> {
  const content = await (await pdf.getPage(pageNumber)).getTextContent();
  return content.items
    .map((item) => ('str' in item ? item.str : ''))
    .join(' ')
    .replace(/\s+/g, ' ');
}

/** Every page's text, pages separated by a line end. */
export async function allText(pdf: PDFDocumentProxy): Promise<string> {
  const pages = await Promise.all(Array.from({ length: pdf.numPages }, (_, i) => pageText(pdf, i + 1)));
  return pages.join('\n');
}

/** The text of a PDF file, words joined by single spaces. */
export async function pdfText(pdf: Buffer): Promise<string> {
  const document = await openPdf(pdf);
  try {
    return (await allText(document)).replace(/\s+/g, ' ');
  } finally {
    await document.destroy();
  }
}
