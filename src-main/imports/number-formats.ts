/**
 * What a workbook's number format says about a number: that it is a date, or an amount in a currency. Excel stores
 * dates and money as plain numbers; only the format tells them apart.
 */

/** Built-in formats that show a date or a time (ECMA-376 18.8.30, with the East Asian ones). */
const builtInDateFormats = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** The format code without its literal parts: quoted text, escaped characters, colours and conditions. */
function codeWithoutLiterals(code: string): string {
  return code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/_./g, '')
    .replace(/\*./g, '');
}

export function isDateFormat(id: number, code: string | undefined): boolean {
  if (code === undefined) return builtInDateFormats.has(id);
  // Only the first section (positive numbers) decides; brackets hold colours, conditions, locales, elapsed time.
  const section = codeWithoutLiterals(code).split(';')[0].replace(/\[(?!h\]|m\]|s\])[^\]]*\]/gi, '');
  return /[dmyhs]/i.test(section) && !/^[#0.,\s%]*$/.test(section) && !/[#0]/.test(section.replace(/\.0+/g, ''));
}

const symbols: [RegExp, string][] = [
  [/€/, 'EUR'],
  [/£/, 'GBP'],
  [/¥|￥/, 'JPY'],
  [/₹/, 'INR'],
  [/CHF/, 'CHF'],
];

/** Locales (Windows LCIDs, hexadecimal as in `[$$-1009]`) whose dollar is not the US one. */
const dollarLocales: Record<string, string> = { '1009': 'CAD', c09: 'AUD', '1409': 'NZD', '2809': 'BZD', '480a': 'HNL', '3c09': 'HKD', '4809': 'SGD', '0c0a': 'USD' };

/** The ISO 4217 code a currency format shows (`#,##0 [$€-40C]`, `"$"#,##0.00`, `[$USD] #,##0`), else null. */
export function currencyOfFormat(code: string | undefined): string | null {
  if (!code) return null;
  const locale = /\[\$([^\]-]*)(?:-([0-9a-f]+))?\]/i.exec(code);
  if (locale) {
    const symbol = locale[1].trim();
    if (/^[A-Z]{3}$/.test(symbol)) return symbol;
    for (const [pattern, currency] of symbols) if (pattern.test(symbol)) return currency;
    if (symbol.includes('$')) return dollarLocales[(locale[2] ?? '').toLowerCase().replace(/^0+/, '')] ?? 'USD';
  }
  // Symbols written as literals, quoted or not (but not inside the brackets of a colour or condition).
  const visible = code.replace(/\[[^\]]*\]/g, '').split(';')[0];
  for (const [pattern, currency] of symbols) if (pattern.test(visible)) return currency;
  if (visible.includes('$')) return 'USD';
  return null;
}
