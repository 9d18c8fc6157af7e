'use client';

import type { IScannerControls } from '@zxing/browser';
import { useCallback, useEffect, useRef, useState } from 'react';
import { createRepeatFilter } from './repeat-filter';
import { unlockScanSound } from './scan-signal';

function cameraProblem(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError')
    return 'Camera access was refused. Allow the camera for this site, or type the code below.';
  if (name === 'NotFoundError' || name === 'OverconstrainedError')
    return 'No camera was found. Type the code below instead.';
  if (name === 'NotReadableError') return 'The camera is busy in another app. Close it and try again.';
  console.error(error);
  return 'The camera could not be started. Type the code below instead.';
}

const MAX_RESTARTS = 5;
const RESTART_DELAY_MS = 300;
const STEADY_MS = 10_000;

/**
 * Reads QR codes with the device's back camera. The decoder is loaded only when the camera is
 * started, so the page works (and stays light) without one; the camera stops on leaving.
 */
export function CameraScanner({ onCode }: { onCode: (code: string) => void }) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const controls = useRef<IScannerControls | null>(null);
  // Bumped by every start and stop, so a start that finishes late knows it is no longer wanted.
  const attempt = useRef(0);
  const isNewScan = useRef(createRepeatFilter());
  const latestOnCode = useRef(onCode);
  const [state, setState] = useState<'off' | 'starting' | 'on'>('off');
  const [problem, setProblem] = useState<string | null>(null);
  // Restarts in a row of loops that ended soon after starting (see restartAfter).
  const restarts = useRef(0);
  const startedAt = useRef(0);

  useEffect(() => {
    latestOnCode.current = onCode;
  }, [onCode]);

  const release = useCallback(() => {
    attempt.current += 1;
    controls.current?.stop();
    controls.current = null;
  }, []);

  useEffect(() => release, [release]);

  async function start() {
    unlockScanSound();
    setProblem(null);
    const video = videoRef.current;
    if (!video || typeof navigator.mediaDevices?.getUserMedia !== 'function') {
      setProblem('This browser cannot use the camera on this page (it needs HTTPS). Type the code below.');
      return;
    }
    const mine = ++attempt.current;
    startedAt.current = Date.now();
    setState('starting');
    try {
      const [{ BrowserQRCodeReader }, zxing] = await Promise.all([
        import('@zxing/browser'),
        import('@zxing/library'),
      ]);
      if (mine !== attempt.current) return;
      const reader = new BrowserQRCodeReader(undefined, { delayBetweenScanAttempts: 150 });
      // zxing tries the next frame only after "no code here" errors. Any other error (a frame
      // read before the video had a size, on a slow phone or machine) ends its loop and turns
      // the camera off, while this page would still show it on: start it again instead.
      const framesGoOn = (error: unknown) =>
        error instanceof zxing.NotFoundException ||
        error instanceof zxing.ChecksumException ||
        error instanceof zxing.FormatException;
      let loopEnded = false;
      // No device id: the back ("environment") camera on phones, the only one elsewhere.
      const started = await reader.decodeFromVideoDevice(undefined, video, (result, error) => {
        if (result) {
          const text = result.getText();
          if (isNewScan.current(text, Date.now())) latestOnCode.current(text);
        } else if (error && !framesGoOn(error) && !loopEnded) {
          loopEnded = true;
          // Called from inside decodeFromVideoDevice too, before `started` exists: after it.
          queueMicrotask(() => void restartAfter(mine, error));
        }
      });
      if (mine !== attempt.current) {
        started.stop();
        return;
      }
      controls.current = started;
      setState('on');
    } catch (error) {
      if (mine !== attempt.current) return;
      setState('off');
      setProblem(cameraProblem(error));
    }
  }

  /** The decoding loop of start number `which` ended by itself: start again, a few times. */
  async function restartAfter(which: number, error: unknown) {
    if (which !== attempt.current) return;
    release();
    // A loop that ran a good while was a one-off: only quick failures in a row mean a broken camera.
    if (Date.now() - startedAt.current > STEADY_MS) restarts.current = 0;
    if (restarts.current >= MAX_RESTARTS) {
      restarts.current = 0;
      setState('off');
      setProblem(cameraProblem(error));
      return;
    }
    restarts.current += 1;
    await new Promise((resolve) => setTimeout(resolve, RESTART_DELAY_MS));
    // Stopped (or started anew) meanwhile: leave it so.
    if (attempt.current === which + 1) await start();
  }

  function stop() {
    release();
    setState('off');
  }

  return (
    <div className="camera-scanner">
      <video
        ref={videoRef}
        className="camera-preview"
        hidden={state === 'off'}
        muted
        playsInline
        aria-label="Camera view: hold the ticket's QR code in front of it"
      />
      {state === 'off' ? (
        <button type="button" onClick={() => void start()}>
          Start camera
        </button>
      ) : (
        <button type="button" className="secondary" onClick={stop} aria-busy={state === 'starting'}>
          Stop camera
        </button>
      )}
      {problem ? (
        <p role="alert" className="form-alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
