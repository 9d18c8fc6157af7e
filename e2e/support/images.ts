import { expect, type Page } from '@playwright/test';

/** Runs in the browser: how wide the loaded picture is (0 while missing or broken). */
export function naturalWidth(img: unknown): number {
  return (img as { naturalWidth: number }).naturalWidth;
}

/** Every QR image on the page has loaded a real picture. */
export async function expectQrCodes(page: Page, count: number): Promise<void> {
  const images = page.getByTestId('ticket-qr');
  await expect(images).toHaveCount(count);
  for (let i = 0; i < count; i += 1) {
    await expect.poll(() => images.nth(i).evaluate(naturalWidth)).toBeGreaterThan(0);
  }
}
