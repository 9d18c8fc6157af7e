import type { EventDeps } from './event-deps';
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { writeAudit } from '../audit/write-audit';
import type { Actor, RequestMeta } from '../shared/actor';
import { NotFoundError } from '../shared/errors';
import { findManagedEvent, isVisibleTo } from './event-access';
import { imageUrlOf } from './event-view';
import { CONTENT_TYPES, reencodeImage, type ImageFormat } from './image-processing';

const EXTENSIONS: Record<string, ImageFormat> = { jpg: 'jpeg', png: 'png', webp: 'webp' };
const KEY = /^[a-f0-9]{32}\.(jpg|png|webp)$/;

function fileOf(uploadDir: string, key: string): string {
  // Keys are server-generated; the pattern check makes any path trick impossible even if one were stored.
  if (!KEY.test(key)) throw new Error(`invalid image key ${key}`);
  return path.join(uploadDir, 'event-images', key);
}

/** Replaces an event's image with a re-encoded copy stored under a random server-side name. */
export async function setEventImage(
  deps: EventDeps,
  actor: Actor,
  eventId: string,
  upload: Buffer,
  meta: RequestMeta,
): Promise<{ imageUrl: string }> {
  await findManagedEvent(deps.db, actor, eventId);
  const { data, format } = await reencodeImage(upload);
  const key = `${randomBytes(16).toString('hex')}.${format === 'jpeg' ? 'jpg' : format}`;
  const file = fileOf(deps.uploadDir, key);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, data, { mode: 0o640 });

  let previous: string | null = null;
  try {
    await deps.db.transaction().execute(async (tx) => {
      const event = await findManagedEvent(tx, actor, eventId);
      previous = event.image_key;
      await tx
        .updateTable('events')
        .set({ image_key: key, updated_at: deps.clock.now().toISOString() })
        .where('id', '=', eventId)
        .execute();
      await writeAudit(tx, deps.clock, {
        actorId: actor.userId,
        action: 'event.image_updated',
        targetType: 'event',
        targetId: eventId,
        ip: meta.ip,
        details: { format, bytes: data.length },
      });
    });
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
  if (previous) await rm(fileOf(deps.uploadDir, previous), { force: true });
  return { imageUrl: imageUrlOf({ id: eventId, image_key: key })! };
}

/** Where to read a visible event's image from, and its Content-Type. */
export async function findEventImage(
  deps: Pick<EventDeps, 'db' | 'uploadDir'>,
  actor: Actor | null,
  eventId: string,
): Promise<{ file: string; contentType: string }> {
  // One indexed read: serving an image needs the visibility rule and the key, not the whole event view.
  const row = await deps.db
    .selectFrom('events')
    .select(['organizer_id', 'status', 'image_key'])
    .where('id', '=', eventId)
    .executeTakeFirst();
  if (!row || !isVisibleTo(actor, row)) throw new NotFoundError('Event');
  if (!row.image_key) throw new NotFoundError('Image');
  const ext = row.image_key.split('.').pop()!;
  return { file: fileOf(deps.uploadDir, row.image_key), contentType: CONTENT_TYPES[EXTENSIONS[ext]!] };
}
