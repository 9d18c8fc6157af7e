/**
 * Hands a downloaded file to the browser as a download. For files the API serves only with the
 * access token: a plain link cannot send it, so the file is fetched first and saved from memory.
 */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: some browsers read the URL only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
