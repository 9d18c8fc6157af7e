'use client';

import { OrganizerInvoiceRow } from './organizer-invoice-row';
import { DateRangeFilter } from '@/components/filter-fields';
import { FilterForm } from '@/components/filter-form';
import { ListTable } from '@/components/list-table';
import { PagedList } from '@/components/paged-list';
import { CsvDownload } from '@/features/analytics/csv-download';
import { dayBoundToIso } from '@/features/orders/order-dates';
import { useApiData } from '@/lib/use-api-data';
import { useListQuery, useSyncedFilterForm } from '@/lib/use-list-query';

const FILTERS = ['from', 'to'] as const;

/**
 * The organizer's invoices and credit notes, newest first, filtered by the day they were issued
 * (in the URL), with the same days as CSV for the accountant.
 */
export function OrganizerInvoices() {
  const { pathname, values, page, hrefFor } = useListQuery(FILTERS);
  const range = { from: dayBoundToIso(values.from, 'start'), to: dayBoundToIso(values.to, 'end') };
  const list = useApiData(
    (client) => client.organizer.invoices.list({ ...range, page }),
    JSON.stringify([values, page]),
  );
  const formRef = useSyncedFilterForm(values);
  const csvName = ['invoices', values.from, values.to].filter(Boolean).join('-');

  return (
    <>
      <FilterForm action={pathname} formRef={formRef} submitLabel="Filter">
        <DateRangeFilter
          idPrefix="invoices"
          fromLabel="Issued from"
          toLabel="Issued until"
          from={values.from}
          to={values.to}
        />
      </FilterForm>
      <CsvDownload
        label="Invoices"
        filename={`${csvName}.csv`}
        load={(client) => client.organizer.invoices.csv(range)}
      />

      <PagedList list={list} noun={['document', 'documents']} pagesLabel="Invoice pages" hrefFor={hrefFor}>
        {(items) => (
          <ListTable label="Invoices and credit notes" busy={list.loading} stacked>
            <thead>
              <tr>
                <th scope="col">Number</th>
                <th scope="col">Kind</th>
                <th scope="col">Issued</th>
                <th scope="col">Order</th>
                <th scope="col">Buyer</th>
                <th scope="col">Net</th>
                <th scope="col">Tax</th>
                <th scope="col">Gross</th>
                <th scope="col">PDF</th>
              </tr>
            </thead>
            <tbody>
              {items.map((invoice) => (
                <OrganizerInvoiceRow key={invoice.id} invoice={invoice} />
              ))}
            </tbody>
          </ListTable>
        )}
      </PagedList>
    </>
  );
}
