'use client';

import type { IScannerControls } from '@zxing/browser';
import { useCallback, useEffect, useRef, useState } from 'react';
import { createRepeatFilter } from '@/lib/repeat-filter';
import { unlockScanSound } from '@/lib/scan-signal';

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
    setState('starting');
    try {
      const { BrowserQRCodeReader } = await import('@zxing/browser');
      if (mine !== attempt.current) return;
      const reader = new BrowserQRCodeReader(undefined, { delayBetweenScanAttempts: 150 });
      // No device id: the back ("environment") camera on phones, the only one elsewhere.
      const started = await reader.decodeFromVideoDevice(undefined, video, (result) => {
        if (!result) return;
        const text = result.getText();
        if (isNewScan.current(text, Date.now())) latestOnCode.current(text);
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
