'use client';

import { invoicePdfHref, type Invoice } from '@eventhub/client';
import { invoiceFilename } from './invoice-format';
import { ActionFeedback } from '@/components/action-feedback';
import { useOrderAccess } from '@/features/orders/order-access';
import { saveBlob } from '@/lib/save-blob';
import { useRowAction } from '@/lib/use-row-action';

/**
 * One invoice or credit note as a PDF. With the order's token (a guest, a mailed link) a plain
 * link that carries it; signed in, the API wants the access token, which a link cannot send, so
 * the file is fetched and then saved.
 */
export function InvoicePdfLink({ invoice }: { invoice: Pick<Invoice, 'id' | 'number' | 'pdfUrl'> }) {
  const { call, token } = useOrderAccess();
  const download = useRowAction();
  const label = (
    <>
      PDF<span className="visually-hidden"> of {invoice.number}</span>
    </>
  );
  if (token !== null) {
    return (
      <a href={invoicePdfHref(invoice, token)} download={invoiceFilename(invoice)}>
        {label}
      </a>
    );
  }
  return (
    <>
      <button
        type="button"
        className="secondary outline compact"
        aria-busy={download.busy || undefined}
        disabled={download.busy}
        onClick={() =>
          void download.run(async () => {
            saveBlob(await call((client) => client.invoices.pdf(invoice.id)), invoiceFilename(invoice));
            // The browser shows the download; a notice would crowd the table it sits in.
            return '';
          })
        }
      >
        {label}
      </button>
      <ActionFeedback error={download.error} notice={download.notice} />
    </>
  );
}
