import { useEffect, useState } from 'react';
import type { StageCategory } from '../../../../../src-shared/contract';

/**
 * The chart colours, read from the design tokens (styles/tokens.css) so charts follow the theme: light or dark
 * from <html data-theme>, which the shell sets from the profile or prefers-color-scheme.
 */
export interface Palette {
  dark: boolean;
  text: string;
  muted: string;
  faint: string;
  border: string;
  surface: string;
  surface2: string;
  accent: string;
  accentSoft: string;
  success: string;
  danger: string;
  warning: string;
  category: Record<StageCategory, string>;
  fontFamily: string;
}

const categories: StageCategory[] = ['wishlist', 'applied', 'screening', 'interviewing', 'offer', 'accepted', 'rejected', 'withdrawn', 'ghosted'];

export function readPalette(root: HTMLElement = document.documentElement): Palette {
  const style = getComputedStyle(root);
  const token = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    dark: root.dataset.theme === 'dark' || (!root.dataset.theme && window.matchMedia('(prefers-color-scheme: dark)').matches),
    text: token('--text', '#1a1d23'),
    muted: token('--text-muted', '#5a616d'),
    faint: token('--text-faint', '#6b7280'),
    border: token('--border', '#e1e4ea'),
    surface: token('--surface', '#ffffff'),
    surface2: token('--surface-2', '#f1f3f6'),
    accent: token('--accent', '#4c44d4'),
    accentSoft: token('--accent-soft', '#eceafd'),
    success: token('--success', '#17803d'),
    danger: token('--danger', '#b42318'),
    warning: token('--warning-text', '#8a4b00'),
    category: Object.fromEntries(categories.map((category) => [category, token(`--cat-${category}`, '#7c8594')])) as Record<StageCategory, string>,
    fontFamily: token('--font-sans', 'system-ui, sans-serif'),
  };
}

/** The palette, read again whenever the theme attribute or the system colour scheme changes. */
export function usePalette(): Palette {
  const [palette, setPalette] = useState(readPalette);
  useEffect(() => {
    const refresh = () => setPalette(readPalette());
    const observer = new MutationObserver(refresh);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class', 'style'] });
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    query.addEventListener('change', refresh);
    return () => {
      observer.disconnect();
      query.removeEventListener('change', refresh);
    };
  }, []);
  return palette;
}

/** What every chart shares: transparent background, the theme's text, grid lines and tooltip. */
export function baseOption(palette: Palette) {
  return {
    backgroundColor: 'transparent',
    animationDuration: 400,
    textStyle: { color: palette.text, fontFamily: palette.fontFamily, fontSize: 12 },
    tooltip: {
      backgroundColor: palette.surface,
      borderColor: palette.border,
      textStyle: { color: palette.text, fontFamily: palette.fontFamily, fontSize: 12 },
      confine: true,
    },
  };
}

/** Axis styling in the theme's colours. */
export function axisStyle(palette: Palette) {
  return {
    axisLine: { lineStyle: { color: palette.border } },
    axisTick: { lineStyle: { color: palette.border } },
    axisLabel: { color: palette.muted },
    splitLine: { lineStyle: { color: palette.border, type: 'dashed' as const } },
    nameTextStyle: { color: palette.muted },
  };
}
