import { readdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { expect, it } from 'vitest';
import { makeEvent, makePublishedEvent, signUp, type SignedIn } from './support/factories';
import { jpegWithGps, multipart, pixelFloodPng, pngImage, truncatedJpeg, webpImage } from './support/images';
import { bearer, describeEachEngine, json, type TestEnv } from './support/test-env';

function upload(
  env: TestEnv,
  user: SignedIn,
  eventId: string,
  file: { name: string; type: string; data: Buffer },
) {
  const body = multipart(file.name, file.type, file.data);
  return env.app.inject({
    method: 'PUT',
    url: `/api/events/${eventId}/image`,
    headers: { ...bearer(user.accessToken), ...body.headers },
    payload: body.payload,
  });
}

describeEachEngine('event image upload', (env) => {
  it('accepts real JPEG, PNG and WebP, re-encoded without EXIF or GPS, and serves them safely', async () => {
    const organizer = await signUp(env(), { role: 'organizer' });
    const event = await makePublishedEvent(env(), organizer);
    const original = await jpegWithGps();
    // The GPSInfo pointer (tag 0x8825) is in the original's EXIF block, in either byte order.
    const exif = (await sharp(original).metadata()).exif!;
    expect(exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88]))).toBe(true);

    for (const [file, type] of [
      [{ name: 'photo.jpg', type: 'image/jpeg', data: original }, 'image/jpeg'],
      [{ name: 'flyer.png', type: 'image/png', data: await pngImage() }, 'image/png'],
      [{ name: 'banner.webp', type: 'image/webp', data: await webpImage() }, 'image/webp'],
    ] as const) {
      const res = await upload(env(), organizer, event.id, file);
      expect(res.statusCode, file.name).toBe(200);
      const { imageUrl } = json<{ imageUrl: string }>(res);
      const served = await env().app.inject({ method: 'GET', url: imageUrl });
      expect(served.statusCode).toBe(200);
      expect(served.headers['content-type']).toBe(type);
      expect(served.headers['x-content-type-options']).toBe('nosniff');
      const meta = await sharp(served.rawPayload).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.width).toBe(64);
    }
    // Only the current image is kept.
    expect(readdirSync(path.join(env().config.uploadDir, 'event-images'))).toHaveLength(1);
    const view = await env().app.inject({ method: 'GET', url: `/api/events/${event.id}` });
    expect(json<{ imageUrl: string }>(view).imageUrl).toMatch(
      new RegExp(`^/api/events/${event.id}/image\\?v=`),
    );
  });

  it('refuses SVG, HTML named .jpg, truncated files and pixel floods with 400, and 6 MB with 413', async () => {
    const organizer = await signUp(env(), { role: 'organizer' });
    const event = await makeEvent(env(), organizer);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const html = Buffer.from('<!doctype html><html><script>alert(document.cookie)</script></html>');
    const cases = [
      { name: 'logo.svg', type: 'image/svg+xml', data: svg },
      { name: 'innocent.jpg', type: 'image/jpeg', data: html },
      { name: 'script.png', type: 'image/png', data: Buffer.from('#!/bin/sh\nrm -rf /\n') },
      { name: 'cut.jpg', type: 'image/jpeg', data: await truncatedJpeg() },
      { name: 'bomb.png', type: 'image/png', data: await pixelFloodPng() },
    ];
    for (const file of cases) {
      const res = await upload(env(), organizer, event.id, file);
      expect(res.statusCode, file.name).toBe(400);
      expect(json(res).code, file.name).toBe('invalid_image');
    }
    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(6 * 1024 * 1024, 1)]);
    const tooLarge = await upload(env(), organizer, event.id, {
      name: 'big.jpg',
      type: 'image/jpeg',
      data: big,
    });
    expect(tooLarge.statusCode).toBe(413);
    expect(json(tooLarge).code).toBe('payload_too_large');

    const notMultipart = await env().app.inject({
      method: 'PUT',
      url: `/api/events/${event.id}/image`,
      headers: { ...bearer(organizer.accessToken), 'content-type': 'application/json' },
      payload: { image: 'data:image/png;base64,AAAA' },
    });
    expect(notMultipart.statusCode).toBeGreaterThanOrEqual(400);
    expect(notMultipart.statusCode).toBeLessThan(500);

    const after = await env().app.inject({
      method: 'GET',
      url: `/api/events/${event.id}`,
      headers: bearer(organizer.accessToken),
    });
    expect(json(after).imageUrl).toBeNull();
  });

  it('stores under a server-generated name whatever the client calls the file, and checks ownership', async () => {
    const organizer = await signUp(env(), { role: 'organizer' });
    const stranger = await signUp(env(), { role: 'organizer' });
    const customer = await signUp(env());
    const event = await makeEvent(env(), organizer);
    const data = await jpegWithGps();
    const res = await upload(env(), organizer, event.id, { name: '../../x.jpg', type: 'image/jpeg', data });
    expect(res.statusCode).toBe(200);
    const version = new URL(json<{ imageUrl: string }>(res).imageUrl, 'http://x').searchParams.get('v')!;
    const stored = readdirSync(path.join(env().config.uploadDir, 'event-images'));
    expect(stored.filter((f) => f.startsWith(version))).toEqual([
      expect.stringMatching(/^[a-f0-9]{32}\.jpg$/),
    ]);
    expect(stored.every((f) => /^[a-f0-9]{32}\.(jpg|png|webp)$/.test(f))).toBe(true);
    expect(readdirSync(env().config.uploadDir)).toEqual(['event-images']);
    expect(readdirSync(path.dirname(env().config.uploadDir))).not.toContain('x.jpg');

    expect(
      (await upload(env(), stranger, event.id, { name: 'a.jpg', type: 'image/jpeg', data })).statusCode,
    ).toBe(404);
    expect(
      (await upload(env(), customer, event.id, { name: 'a.jpg', type: 'image/jpeg', data })).statusCode,
    ).toBe(403);
    // A draft's image is as private as the draft.
    expect((await env().app.inject({ method: 'GET', url: `/api/events/${event.id}/image` })).statusCode).toBe(
      404,
    );
  });
});
