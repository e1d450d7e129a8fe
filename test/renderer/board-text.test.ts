import { describe, expect, it } from 'vitest';
import i18next, { type TFunction } from 'i18next';
import { salaryPeriods, stageCategories, workModes } from '../../src-shared/contract/enums';
import { languages, namespaces, resources } from '../../src-shared/i18n';
import { boardNamespaces, createBoardText } from '../../src-renderer/src/features/board/boardText';
import { createFormatters } from '../../src-renderer/src/ui/format';

/** A real i18next set up as the renderer sets it up (src-renderer/src/i18n.ts), with the board's namespaces. */
async function translator(language: string): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({ resources, lng: language, fallbackLng: 'en', ns: namespaces, defaultNS: 'common', interpolation: { escapeValue: false }, returnNull: false });
  return instance.getFixedT(language, [...boardNamespaces]);
}

describe("the board's texts, translated once for every card", () => {
  it.each(languages)('gives in %s what asking i18next each time gives', async (language) => {
    const t = await translator(language);
    const text = createBoardText(t, language);
    expect(text.card.roleDescription).toBe(t('board:card.roleDescription'));
    expect(text.card.favorite).toBe(t('board:card.favorite'));
    for (const mode of workModes) {
      // Twice: the second answer comes from what the first kept.
      expect(text.card.workMode(mode)).toBe(t(`common:workMode.${mode}`));
      expect(text.card.workMode(mode)).toBe(t(`common:workMode.${mode}`));
    }
    for (const category of stageCategories) {
      expect(text.stageName({ name: null, category })).toBe(t(`common:stageCategory.${category}`));
      expect(text.stageName({ name: 'Mine', category })).toBe('Mine');
    }
    // The formatters the table and the rest of the app use (ui/format.ts's useFormat), period labels asked anew.
    const straight = createFormatters(language, (period) => t(`common:salaryPeriod.${period}`));
    for (const salaryPeriod of [...salaryPeriods, null]) {
      const range = { salaryMin: 45_000, salaryMax: 55_000, salaryCurrency: 'EUR', salaryPeriod };
      expect(text.format.salary(range)).toBe(straight.salary(range));
      expect(text.format.salary(range)).toBe(straight.salary(range));
    }
    expect(text.t('board:title')).toBe(t('board:title'));
  });

  it('keeps no text of one language in the texts of another', async () => {
    const english = createBoardText(await translator('en'), 'en');
    const french = createBoardText(await translator('fr'), 'fr');
    expect(english.card.workMode('remote')).not.toBe(french.card.workMode('remote'));
    expect(english.card.favorite).not.toBe(french.card.favorite);
    expect(english.stageName({ name: null, category: 'applied' })).not.toBe(french.stageName({ name: null, category: 'applied' }));
  });
});
