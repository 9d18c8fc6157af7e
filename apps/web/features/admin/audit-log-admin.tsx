'use client';

import type { Api, AuditEntry } from '@eventhub/client';
import Link from 'next/link';
import { detailLines, shortId } from './audit-details';
import {
  parseTargetType,
  splitPerson,
  TARGET_TYPES,
  TARGET_TYPE_LABELS,
  targetHref,
  targetTypeLabel,
} from './audit-targets';
import { localInputToIso } from './local-date-time';
import { BreakableText } from '@/components/breakable-text';
import { DateRangeFilter, SelectFilter, TextFilter } from '@/components/filter-fields';
import { FilterForm } from '@/components/filter-form';
import { ListTable } from '@/components/list-table';
import { PagedList } from '@/components/paged-list';
import { dayBoundToIso } from '@/features/orders/order-dates';
import { DISPLAY_LOCALE } from '@/lib/event-format';
import { queryHref } from '@/lib/query-href';
import { useApiData } from '@/lib/use-api-data';
import { useListQuery, useSyncedFilterForm } from '@/lib/use-list-query';

const FILTERS = ['action', 'actor', 'actorId', 'targetId', 'target', 'from', 'to'] as const;

type ActionInfo = Awaited<ReturnType<Api['admin']['auditLog']['actions']>>['items'][number];

/** What "All … actions" calls the actions of one subject (the part before the dot). */
const SUBJECTS: Record<string, string> = {
  auth: 'sign-in',
  user: 'account',
  ticket_type: 'ticket type',
  promotion: 'promo code',
  signing_key: 'signing key',
};

/** A day from the date filter ("2025-06-14"), or a date-time from an older link. */
function boundToIso(value: string, bound: 'start' | 'end'): string | undefined {
  return dayBoundToIso(value, bound) ?? localInputToIso(value);
}

function formatWhen(iso: string): string {
  return new Intl.DateTimeFormat(DISPLAY_LOCALE, { dateStyle: 'medium', timeStyle: 'medium' }).format(
    new Date(iso),
  );
}

/** The action filter: each group's actions, after "All … actions" for each subject with several. */
function ActionFilter({ actions, value }: { actions: ActionInfo[] | null; value: string }) {
  const groups = new Map<string, ActionInfo[]>();
  for (const info of actions ?? []) groups.set(info.group, [...(groups.get(info.group) ?? []), info]);
  const known = actions?.some((a) => a.action === value || a.action.startsWith(`${value}.`)) ?? false;
  return (
    <div>
      <label htmlFor="audit-action">Action</label>
      {/* Mounted again once the actions arrive, so the URL's choice finds its option. */}
      <select id="audit-action" name="action" defaultValue={value} key={actions ? 'loaded' : 'loading'}>
        <option value="">All actions</option>
        {value && !known ? <option value={value}>{value}</option> : null}
        {[...groups].map(([group, infos]) => {
          const subjects = [...new Set(infos.map((i) => i.action.split('.')[0]!))];
          return (
            <optgroup key={group} label={group}>
              {subjects
                .filter((s) => infos.filter((i) => i.action.startsWith(`${s}.`)).length > 1)
                .map((s) => (
                  <option key={s} value={s}>
                    All {SUBJECTS[s] ?? s.replace(/_/g, ' ')} actions
                  </option>
                ))}
              {infos.map((info) => (
                <option key={info.action} value={info.action}>
                  {info.label}
                </option>
              ))}
            </optgroup>
          );
        })}
      </select>
    </div>
  );
}

function Who({ entry, filterHref }: { entry: AuditEntry; filterHref: string }) {
  if (entry.actor) {
    return (
      <>
        <Link href={filterHref} title="Show only this person's entries">
          {entry.actor.name}
        </Link>
        <br />
        <small className="audit-email">
          <BreakableText text={entry.actor.email} />
        </small>
      </>
    );
  }
  if (entry.actorId) return <span title={entry.actorId}>{shortId(entry.actorId)}</span>;
  return <span className="audit-muted">system</span>;
}

function Target({ entry, filterHref }: { entry: AuditEntry; filterHref: string }) {
  const target = entry.target;
  if (!target) return <span className="audit-muted">—</span>;
  const named = target.name ?? (target.id ? shortId(target.id) : null);
  // A user reads as their name with the address under it, like the "Who" column.
  const { name, email } =
    target.type === 'user' || target.type === 'session'
      ? splitPerson(named ?? '')
      : { name: named, email: null };
  const href = targetHref(target);
  return (
    <>
      <small>
        <span className="audit-muted">{targetTypeLabel(target.type)}</span>
        {target.id ? (
          <>
            {' · '}
            <Link href={filterHref} title="Show only this target's entries">
              its entries
            </Link>
          </>
        ) : null}
      </small>
      {name ? (
        <>
          <br />
          {href ? (
            <Link href={href} title={target.id ?? undefined}>
              {name}
            </Link>
          ) : (
            <span title={target.id ?? undefined}>{name}</span>
          )}
        </>
      ) : null}
      {email ? (
        <>
          <br />
          <small className="audit-email">
            <BreakableText text={email} />
          </small>
        </>
      ) : null}
    </>
  );
}

function Details({ entry }: { entry: AuditEntry }) {
  const lines = detailLines(entry.details ?? {}, entry.detailNames ?? {});
  if (lines.length === 0) return <span className="audit-muted">—</span>;
  return (
    <dl className="audit-details">
      {lines.map((line) => (
        <div key={line.key}>
          <dt>{line.label}</dt>
          <dd title={line.full}>{line.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The admin's audit trail, newest first as the API returns it: who did what to what; filters live in the URL. */
export function AuditLogAdmin() {
  const { params, pathname, values, page, hrefFor } = useListQuery(FILTERS);
  const targetType = parseTargetType(params.get('targetType'));
  const catalogue = useApiData((client) => client.admin.auditLog.actions(), 'audit-actions');
  const actions = catalogue.data?.items ?? null;
  const labels = new Map((actions ?? []).map((a) => [a.action, a]));
  const log = useApiData(
    (client) =>
      client.admin.auditLog.list({
        action: values.action || undefined,
        actor: values.actor || undefined,
        actorId: values.actorId || undefined,
        targetType,
        targetId: values.targetId || undefined,
        target: values.target || undefined,
        from: boundToIso(values.from, 'start'),
        to: boundToIso(values.to, 'end'),
        page,
      }),
    JSON.stringify([values, targetType, page]),
  );
  const formRef = useSyncedFilterForm({
    action: values.action,
    actor: values.actor,
    targetType: targetType ?? '',
    target: values.target,
    from: values.from,
    to: values.to,
  });
  const onlyOne = values.actorId || values.targetId;

  return (
    <>
      <div className="compact-filters">
        <FilterForm action={pathname} formRef={formRef} submitLabel="Filter">
          <ActionFilter actions={actions} value={values.action} />
          <TextFilter
            id="audit-actor"
            name="actor"
            label="Person"
            defaultValue={values.actor}
            placeholder="Name or e-mail"
            maxLength={200}
          />
          <SelectFilter
            id="audit-target-type"
            name="targetType"
            label="Target type"
            allLabel="Any target"
            options={TARGET_TYPES}
            labels={TARGET_TYPE_LABELS}
            defaultValue={targetType}
          />
          <TextFilter
            id="audit-target"
            name="target"
            label="Target"
            defaultValue={values.target}
            placeholder="Event, order reference, person"
            maxLength={200}
          />
          <DateRangeFilter
            idPrefix="audit"
            fromLabel="From"
            toLabel="Until"
            from={values.from}
            to={values.to}
          />
          {values.actorId ? <input type="hidden" name="actorId" value={values.actorId} /> : null}
          {values.targetId ? <input type="hidden" name="targetId" value={values.targetId} /> : null}
        </FilterForm>
      </div>

      {onlyOne ? (
        <p>
          Showing {values.actorId ? "one person's" : "one target's"} entries.{' '}
          <Link
            href={queryHref(pathname, params, { actorId: undefined, targetId: undefined, page: undefined })}
          >
            Show all
          </Link>
        </p>
      ) : null}

      <PagedList list={log} noun={['entry', 'entries']} pagesLabel="Audit log pages" hrefFor={hrefFor}>
        {(items) => (
          <ListTable label="Audit log" busy={log.loading} className="audit-table" stacked>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Target</th>
                <th scope="col">Details</th>
                <th scope="col">IP</th>
              </tr>
            </thead>
            <tbody>
              {items.map((entry) => {
                const info = labels.get(entry.action);
                return (
                  <tr key={entry.id} data-testid={`audit-entry-${entry.id}`}>
                    <td data-label="When">
                      <time dateTime={entry.at}>{formatWhen(entry.at)}</time>
                    </td>
                    <td data-label="Who">
                      <Who
                        entry={entry}
                        filterHref={queryHref(pathname, params, {
                          actorId: entry.actorId ?? undefined,
                          actor: undefined,
                          page: undefined,
                        })}
                      />
                    </td>
                    <td data-label="Action">
                      <span title={info ? `${entry.action}: ${info.description}` : entry.action}>
                        {info?.label ?? entry.action}
                      </span>
                    </td>
                    <td data-label="Target">
                      <Target
                        entry={entry}
                        filterHref={queryHref(pathname, params, {
                          targetType: entry.targetType ?? undefined,
                          targetId: entry.targetId ?? undefined,
                          target: undefined,
                          page: undefined,
                        })}
                      />
                    </td>
                    <td data-label="Details">
                      <Details entry={entry} />
                    </td>
                    <td data-label="IP">{entry.ip ?? <span className="audit-muted">—</span>}</td>
                  </tr>
                );
              })}
            </tbody>
          </ListTable>
        )}
      </PagedList>
    </>
  );
}
