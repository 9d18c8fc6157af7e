import { ValidationError } from '../shared/errors';

export type ImageFormat = 'jpeg' | 'png' | 'webp';

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
// 40 megapixels: any real event photo fits; a "pixel flood" file claiming more is refused from its header.
export const MAX_IMAGE_PIXELS = 40_000_000;
const MAX_OUTPUT_WIDTH = 2400;

export const CONTENT_TYPES: Record<ImageFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
};

/** The format by magic bytes — never by file name or the client's Content-Type. */
export function sniffImageFormat(bytes: Buffer): ImageFormat | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (
    bytes.length >= 8 &&
    bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  ) {
    return 'png';
  }
  if (
    bytes.length >= 12 &&
    bytes.toString('latin1', 0, 4) === 'RIFF' &&
    bytes.toString('latin1', 8, 12) === 'WEBP'
  )
    return 'webp';
  return null;
}

const invalid = (message: string) => new ValidationError([{ field: 'image', message }], 'invalid_image');

/**
 * Decodes and re-encodes an uploaded image: strips every metadata block (EXIF GPS included) by
 * construction, applies the EXIF orientation first, caps the width, and refuses truncated files
 * and decompression bombs before decoding their pixels.
 */
export async function reencodeImage(bytes: Buffer): Promise<{ data: Buffer; format: ImageFormat }> {
  const format = sniffImageFormat(bytes);
  if (!format) throw invalid('must be a JPEG, PNG or WebP image');
  try {
    // sharp maps libvips (~6 MB resident) on the first upload, not in every process.
    const { default: sharp } = await import('sharp');
    const image = sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error', animated: false });
    const meta = await image.metadata();
    if (meta.format !== format) throw invalid('content does not match its image format');
    const pipeline = image.rotate().resize({ width: MAX_OUTPUT_WIDTH, withoutEnlargement: true });
    const encoded =
      format === 'jpeg'
        ? pipeline.jpeg({ quality: 85, mozjpeg: true })
        : format === 'png'
          ? pipeline.png({ compressionLevel: 9 })
          : pipeline.webp({ quality: 85 });
    return { data: await encoded.toBuffer(), format };
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    if (/pixel limit/i.test(message)) throw invalid(`has too many pixels (at most ${MAX_IMAGE_PIXELS})`);
    throw invalid('could not be decoded (corrupt or truncated)');
  }
}
