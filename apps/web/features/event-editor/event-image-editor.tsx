'use client';

import type { Event } from '@eventhub/client';
import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useEventImage } from './use-event-image';
import { FieldError, fieldAria } from '@/components/field-error';
import { FormAlert } from '@/components/form-alert';
import { useAuth } from '@/lib/auth-context';
import { NO_PROBLEM, toFormProblem, type FormProblem } from '@/lib/form-problem';

const ACCEPT = 'image/jpeg,image/png,image/webp';
// The API's limit; checked here too so nobody waits for a 5 MB upload to be refused.
const MAX_BYTES = 5 * 1024 * 1024;

/** The event's image: the current one, a preview of a chosen file, and the upload. */
export function EventImageEditor({ event, onChange }: { event: Event; onChange: (event: Event) => void }) {
  const { authed } = useAuth();
  const current = useEventImage(event.id, event.imageUrl);
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [problem, setProblem] = useState<FormProblem>(NO_PROBLEM);
  const [saved, setSaved] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const readOnly = event.status === 'cancelled';

  useEffect(() => {
    if (!file) {
      setPreview(null);
      return;
    }
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);

  function onPick(e: ChangeEvent<HTMLInputElement>) {
    setSaved(null);
    setProblem(NO_PROBLEM);
    setFile(e.target.files?.[0] ?? null);
  }

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setSaved(null);
    if (!file) {
      setProblem({ fields: { image: 'Choose an image file first.' }, message: null });
      inputRef.current?.focus();
      return;
    }
    if (file.size > MAX_BYTES) {
      setProblem({ fields: { image: 'The image must be at most 5 MB.' }, message: null });
      inputRef.current?.focus();
      return;
    }
    setUploading(true);
    try {
      const { imageUrl } = await authed((client) => client.events.uploadImage(event.id, file, file.name));
      onChange({ ...event, imageUrl });
      setFile(null);
      if (inputRef.current) inputRef.current.value = '';
      setProblem(NO_PROBLEM);
      setSaved('Image uploaded.');
    } catch (error) {
      const next = toFormProblem(error, ['image']);
      // A refused file names the field; say it in a sentence next to the input.
      setProblem(
        next.fields.image ? { fields: { image: `The image ${next.fields.image}.` }, message: null } : next,
      );
      inputRef.current?.focus();
    } finally {
      setUploading(false);
    }
  }

  return (
    <section aria-labelledby="image-heading">
      <h2 id="image-heading">Image</h2>
      <div className="image-previews">
        <figure>
          {current.src ? (
            <img
              src={current.src}
              alt={`Current image of ${event.name}`}
              className="image-preview"
              data-testid="current-image"
            />
          ) : (
            <p className="image-placeholder">
              {event.imageUrl
                ? current.failed
                  ? 'The image could not be loaded.'
                  : 'Loading image…'
                : 'No image yet.'}
            </p>
          )}
          <figcaption>Current image</figcaption>
        </figure>
        {preview ? (
          <figure>
            <img src={preview} alt="Preview of the chosen file" className="image-preview" />
            <figcaption>Chosen file, not uploaded yet</figcaption>
          </figure>
        ) : null}
      </div>

      <form onSubmit={onSubmit} className="narrow" aria-labelledby="image-heading">
        <FormAlert message={problem.message} />
        <fieldset disabled={readOnly} className="plain-fieldset">
          <label htmlFor="event-image">Event image</label>
          <input
            ref={inputRef}
            id="event-image"
            name="image"
            type="file"
            accept={ACCEPT}
            onChange={onPick}
            {...fieldAria('event-image', problem.fields.image, 'event-image-hint')}
          />
          <FieldError id="event-image-error" message={problem.fields.image} />
          <small id="event-image-hint">
            JPEG, PNG or WebP, at most 5 MB. A wide picture (16:9) looks best.
          </small>
          <button type="submit" aria-busy={uploading} disabled={uploading}>
            Upload image
          </button>
        </fieldset>
        <div role="status">{saved ? <p className="form-status">{saved}</p> : null}</div>
      </form>
    </section>
  );
}
