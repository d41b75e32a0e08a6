// A labelled native select (the browser gives the keyboard, the screen reader and the phone picker),
// styled like the text field.
import { useId, type ReactNode, type SelectHTMLAttributes } from 'react';
import { cx } from './class-names';
import './field.css';
import './select-field.css';

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'> {
  label: ReactNode;
  options: readonly SelectOption[];
  value: string;
  onChange: (value: string) => void;
  /** Label and select on one line. */
  inline?: boolean;
}

export function SelectField({ label, options, value, onChange, inline, className, id, ...select }: SelectFieldProps) {
  const generated = useId();
  const selectId = id ?? generated;
  return (
    <div className={cx('field', inline && 'field--inline', className)}>
      <label htmlFor={selectId} className="field__label">
        {label}
      </label>
      <select id={selectId} className="field__input field__select" value={value} onChange={(event) => onChange(event.target.value)} {...select}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
