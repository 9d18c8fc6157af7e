import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';

/** A multipart/form-data body with one file part, built by hand so tests control every byte. */
export function multipart(filename: string, contentType: string, data: Buffer) {
  const boundary = `----eventhub${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const canvas = (width = 64, height = 48) =>
  sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  });

/** A real JPEG carrying EXIF GPS coordinates, the kind a phone camera writes. */
export function jpegWithGps(): Promise<Buffer> {
  return canvas()
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneCam', Model: 'X1' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '52/1 31/1 1200/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '13/1 24/1 3600/100',
      },
    })
    .toBuffer();
}

export const pngImage = () => canvas().png().toBuffer();
export const webpImage = () => canvas().webp().toBuffer();

/** A large JPEG cut in half. */
export async function truncatedJpeg(): Promise<Buffer> {
  const full = await canvas(800, 600).jpeg({ quality: 95 }).toBuffer();
  return full.subarray(0, Math.floor(full.length / 2));
}

/** A tiny PNG whose header claims 100,000 × 100,000 pixels: a decompression bomb's signature. */
export async function pixelFloodPng(): Promise<Buffer> {
  const png = Buffer.from(
    await sharp({ create: { width: 1, height: 1, channels: 3, background: '#fff' } })
      .png()
      .toBuffer(),
  );
  // IHDR data starts at byte 16: width (4 bytes), height (4 bytes); its CRC covers type + data (bytes 12–28).
  png.writeUInt32BE(100_000, 16);
  png.writeUInt32BE(100_000, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}
