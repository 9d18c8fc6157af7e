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
    <div>
      <label htmlFor={id}>Search</label>
      <input
        id={id}
        name="q"
        type="search"
        defaultValue={defaultValue}
        placeholder={placeholder}
        maxLength={maxLength}
      />
    </div>
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
