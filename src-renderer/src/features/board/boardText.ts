import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { SalaryPeriod, StageCategory, WorkMode } from '../../../../src-shared/contract/enums';
import { createFormatters, type Formatters } from '../../ui/format';

/** Every namespace the board's page, columns and cards take their texts from. */
export const boardNamespaces = ['board', 'applications', 'common', 'quickAdd', 'layout'] as const;

/**
 * The board's translator, formatters and stage names, made once by the page and handed to its columns and cards.
 * Each column asked for its own (useTranslation, useFormat, useStageName: three i18next subscriptions, each copying
 * the i18next instance, times nine columns) and each card translated its role, its favourite mark, its work mode
 * and its salary period with i18next's `t` (the key parsed and looked up anew each time): together the largest
 * script cost of drawing the first cards in a CPU profile of the board's first load. The texts every card repeats
 * are translated once per language here.
 */
export interface BoardText {
  t: TFunction;
  format: Formatters;
  stageName(stage: { name: string | null; category: StageCategory }): string;
  card: {
    roleDescription: string;
    favorite: string;
    workMode(mode: WorkMode): string;
  };
}

/** The board's texts for one language; `t` must be a translator with the board's namespaces. */
export function createBoardText(t: TFunction, language: string): BoardText {
  const translated = new Map<string, string>();
  const once = (key: string): string => {
    let text = translated.get(key);
    if (text === undefined) {
      text = t(key);
      translated.set(key, text);
    }
    return text;
  };
  return {
    t,
    format: createFormatters(language, (period: SalaryPeriod) => once(`common:salaryPeriod.${period}`)),
    stageName: (stage) => stage.name ?? once(`common:stageCategory.${stage.category}`),
    card: {
      roleDescription: once('board:card.roleDescription'),
      favorite: once('board:card.favorite'),
      workMode: (mode) => once(`common:workMode.${mode}`),
    },
  };
}

/** The board's texts in the current language: one i18next subscription for the whole board, remade when it changes. */
export function useBoardText(): BoardText {
  const { t, i18n } = useTranslation([...boardNamespaces]);
  return useMemo(() => createBoardText(t, i18n.language), [t, i18n.language]);
}
