import type { ButtonHTMLAttributes, Ref } from 'react';
import { Link, type LinkProps } from 'react-router';
import { cx } from './class-names';
import './button.css';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';

interface Look {
  variant?: ButtonVariant;
  size?: 'md' | 'sm';
}

const classesOf = ({ variant = 'secondary', size = 'md' }: Look, className?: string) =>
  cx('btn', `btn--${variant}`, size === 'sm' && 'btn--sm', className);

export function Button({ variant, size, className, type = 'button', ref, ...props }: ButtonHTMLAttributes<HTMLButtonElement> & Look & { ref?: Ref<HTMLButtonElement> }) {
  return <button ref={ref} type={type} className={classesOf({ variant, size }, className)} {...props} />;
}

/** A router link that looks like a button. */
export function ButtonLink({ variant, size, className, ...props }: LinkProps & Look) {
  return <Link className={classesOf({ variant, size }, className)} {...props} />;
}
