'use client';

import type { IScannerControls } from '@zxing/browser';
import { useCallback, useEffect, useRef } from 'react';
import type { CameraControl } from './door-checkin';
import type { CameraState } from './door-state';
import { unlockScanSound } from './scan-signal';

// The decoder answers every frame it tries (a code, or "none here") several times a second. When a
// visible page has heard nothing for this long, the start or the loop hung (seen on slow machines:
// a video that never began playing): the camera is started again, as if its loop had ended.
const STALL_MS = 6_000;
const STALL_CHECK_MS = 1_000;

class CameraStalled extends Error {
  override name = 'CameraStalled';
  constructor() {
    super(`the camera gave no frame for ${STALL_MS / 1000} s`);
  }
}

/**
 * Reads QR codes with the device's back camera. The decoder is loaded only when the camera is
 * started, so the page works (and stays light) without one; the camera stops on leaving. What to
 * show, which reads are scans and when to restart are the door machine's (door-state.ts); this
 * keeps the video and the decoder.
 */
export function CameraScanner({ camera, control }: { camera: CameraState; control: CameraControl }) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const controls = useRef<IScannerControls | null>(null);
  // When the decoder last answered (or the current start began), for the stall watchdog.
  const lastFrameAt = useRef(0);
  const watchdog = useRef<ReturnType<typeof setInterval> | undefined>(undefined);

  const release = useCallback(() => {
    clearInterval(watchdog.current);
    watchdog.current = undefined;
    controls.current?.stop();
    controls.current = null;
    // A start that hung still holds its stream, which zxing's controls never received: end it.
    const stream = videoRef.current?.srcObject;
    if (stream instanceof MediaStream) for (const track of stream.getTracks()) track.stop();
  }, []);

  useEffect(
    () => () => {
      release();
      control.cameraStopped();
    },
    [control, release],
  );

  async function start() {
    unlockScanSound();
    const video = videoRef.current;
    if (!video || typeof navigator.mediaDevices?.getUserMedia !== 'function') {
      control.cameraUnavailable();
      return;
    }
    const mine = control.cameraStarting();
    watchStalls(mine);
    try {
      const [{ BrowserQRCodeReader }, zxing] = await Promise.all([
        import('@zxing/browser'),
        import('@zxing/library'),
      ]);
      if (!control.isCameraAttempt(mine)) return;
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
        lastFrameAt.current = performance.now();
        if (result) {
          control.cameraRead(result.getText());
        } else if (error && !framesGoOn(error) && !loopEnded) {
          loopEnded = true;
          // Called from inside decodeFromVideoDevice too, before `started` exists: after it.
          queueMicrotask(() => void restartAfter(mine, error));
        }
      });
      if (!control.isCameraAttempt(mine)) {
        started.stop();
        return;
      }
      controls.current = started;
      control.cameraOn(mine);
    } catch (error) {
      control.cameraFailed(mine, error);
    }
  }

  /** Restarts start number `which` when its frames stop coming while the page is in view. */
  function watchStalls(which: number) {
    clearInterval(watchdog.current);
    lastFrameAt.current = performance.now();
    watchdog.current = setInterval(() => {
      // A hidden page's timers and video are throttled: silence there is no hang.
      if (document.visibilityState !== 'visible') {
        lastFrameAt.current = performance.now();
        return;
      }
      if (performance.now() - lastFrameAt.current < STALL_MS) return;
      clearInterval(watchdog.current);
      void restartAfter(which, new CameraStalled());
    }, STALL_CHECK_MS);
  }

  /** The decoding loop of start number `which` ended by itself: start again, if the machine says so. */
  async function restartAfter(which: number, error: unknown) {
    if (!control.isCameraAttempt(which)) return;
    release();
    if (await control.cameraLoopEnded(which, error)) await start();
  }

  function stop() {
    release();
    control.cameraStopped();
  }

  const { status, problem, inView } = camera;
  return (
    <div
      className="camera-scanner"
      data-testid="camera-scanner"
      // For tests: how long the code in view has been read without a break, and how often.
      data-status={status}
      data-reads={inView?.reads ?? 0}
      data-in-view-ms={inView ? inView.lastReadAt - inView.since : 0}
    >
      <video
        ref={videoRef}
        className="camera-preview"
        hidden={status === 'off'}
        muted
        playsInline
        aria-label="Camera view: hold the ticket's QR code in front of it"
      />
      {status === 'off' ? (
        <button type="button" onClick={() => void start()}>
          Start camera
        </button>
      ) : (
        <button type="button" className="secondary" onClick={stop} aria-busy={status === 'starting'}>
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
