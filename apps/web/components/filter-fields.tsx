/** A filter form's labelled text box: a search box unless `type` says otherwise. */
export function TextFilter({
  id,
  name,
  label,
  defaultValue,
  placeholder,
  maxLength,
  type = 'search',
  autoComplete,
}: {
  id: string;
  name: string;
  label: string;
  defaultValue: string;
  placeholder?: string;
  maxLength?: number;
  type?: 'search' | 'text';
  autoComplete?: 'off';
}) {
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue}
        placeholder={placeholder}
        maxLength={maxLength}
        autoComplete={autoComplete}
      />
    </div>
  );
}

/** A filter form's search box. */
export function SearchFilter({
  id,
  defaultValue,
  placeholder,
  maxLength,
}: {
  id: string;
  defaultValue: string;
  placeholder: string;
  maxLength?: number;
}) {
  return (
    <TextFilter
      id={id}
      name="q"
      label="Search"
      defaultValue={defaultValue}
      placeholder={placeholder}
      maxLength={maxLength}
    />
  );
}

/** A filter form's two days, `from` and `to`; ids are `${idPrefix}-from` and `${idPrefix}-to`. */
export function DateRangeFilter({
  idPrefix,
  fromLabel,
  toLabel,
  from,
  to,
}: {
  idPrefix: string;
  fromLabel: string;
  toLabel: string;
  from: string;
  to: string;
}) {
  return (
    <>
      <div>
        <label htmlFor={`${idPrefix}-from`}>{fromLabel}</label>
        <input id={`${idPrefix}-from`} name="from" type="date" defaultValue={from} />
      </div>
      <div>
        <label htmlFor={`${idPrefix}-to`}>{toLabel}</label>
        <input id={`${idPrefix}-to`} name="to" type="date" defaultValue={to} />
      </div>
    </>
  );
}

/** A filter form's drop-down of one value out of `options`, or all of them. */
export function SelectFilter<T extends string>({
  id,
  name,
  label,
  allLabel,
  options,
  labels,
  defaultValue,
}: {
  id: string;
  name: string;
  label: string;
  /** The first option, standing for no filter, e.g. "All statuses". */
  allLabel: string;
  options: readonly T[];
  labels: Record<T, string>;
  defaultValue: T | undefined;
}) {
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={defaultValue ?? ''}>
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {labels[option]}
          </option>
        ))}
      </select>
    </div>
  );
}
