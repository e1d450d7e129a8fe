import { forwardRef, type ButtonHTMLAttributes, type ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

type Variant = 'default' | 'primary' | 'danger' | 'ghost';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  size?: 'md' | 'sm';
  icon?: IconName;
  children?: ReactNode;
}

function classes(variant: Variant, size: 'md' | 'sm', extra: string | undefined, iconOnly = false): string {
  return ['btn', variant !== 'default' && `btn-${variant}`, size === 'sm' && 'btn-sm', iconOnly && 'btn-icon', extra]
    .filter(Boolean)
    .join(' ');
}

/** The one button of the app: `variant` for emphasis, optional leading icon. */
export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant = 'default', size = 'md', icon, className, children, type = 'button', ...rest },
  ref,
) {
  return (
    <button ref={ref} type={type} className={classes(variant, size, className)} {...rest}>
      {icon && <Icon name={icon} size={size === 'sm' ? 14 : 16} />}
      {children}
    </button>
  );
});

export interface IconButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children'> {
  /** The accessible name, also shown as a tooltip: an icon alone says nothing to a screen reader. */
  label: string;
  icon: IconName;
  variant?: Variant;
  size?: 'md' | 'sm';
  filled?: boolean;
}

export const IconButton = forwardRef<HTMLButtonElement, IconButtonProps>(function IconButton(
  { label, icon, variant = 'ghost', size = 'md', filled, className, type = 'button', ...rest },
  ref,
) {
  return (
    <button ref={ref} type={type} aria-label={label} title={label} className={classes(variant, size, className, true)} {...rest}>
      <Icon name={icon} size={size === 'sm' ? 14 : 16} filled={filled} />
    </button>
  );
});
