// A small choice between a few options (any / all), as native radio buttons in a fieldset: the
// browser gives the keyboard behaviour (Tab into the group, arrow keys move and choose) and the
// legend names the group. Styled as a row of joined buttons.
import { useId, type ReactNode } from 'react';
import { cx } from './class-names';
import './segmented-control.css';

export interface SegmentedOption<V extends string> {
  value: V;
  label: ReactNode;
}

export interface SegmentedControlProps<V extends string> {
  /** Names the group ("Match"); kept for screen readers only with `hideLegend`. */
  legend: ReactNode;
  hideLegend?: boolean;
  options: SegmentedOption<V>[];
  value: V;
  onChange: (value: V) => void;
  size?: 'md' | 'sm';
  className?: string;
}

export function SegmentedControl<V extends string>({ legend, hideLegend, options, value, onChange, size = 'md', className }: SegmentedControlProps<V>) {
  const name = useId();
  return (
    <fieldset className={cx('segmented', size === 'sm' && 'segmented--sm', className)}>
      <legend className={cx('segmented__legend', hideLegend && 'visually-hidden')}>{legend}</legend>
      <div className="segmented__options">
        {options.map((option) => (
          <label key={option.value} className="segmented__option">
            <input type="radio" name={name} value={option.value} checked={option.value === value} onChange={() => onChange(option.value)} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
