'use client';

import type { Api } from '@eventhub/client';
import { ActionFeedback } from '@/components/action-feedback';
import { useAuth } from '@/lib/auth-context';
import { saveBlob } from '@/lib/save-blob';
import { useRowAction } from '@/lib/use-row-action';

/**
 * A button that downloads one CSV file. The API needs the access token for it, so the file is
 * fetched first and then handed to the browser as a download.
 */
export function CsvDownload({
  label,
  filename,
  load,
}: {
  label: string;
  filename: string;
  load: (client: Api) => Promise<Blob>;
}) {
  const { authed } = useAuth();
  const download = useRowAction();
  return (
    <div className="csv-download">
      <button
        type="button"
        className="secondary outline compact"
        aria-busy={download.busy || undefined}
        disabled={download.busy}
        onClick={() =>
          void download.run(async () => {
            saveBlob(await authed(load), filename);
            return `${label} CSV is downloading.`;
          })
        }
      >
        {label} CSV
      </button>
      <ActionFeedback error={download.error} notice={download.notice} />
    </div>
  );
}
