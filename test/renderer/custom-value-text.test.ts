import { describe, expect, it } from 'vitest';
import type { CustomField } from '../../src-shared/contract';
import { valueText } from '../../src-renderer/src/features/customFields/model';
import { createFormatters } from '../../src-renderer/src/ui/format';

// A custom date value that arrived by sync before its field's definition is stored as it came (src-main/sync/
// custom-values.ts): the table and the detail must show it, never throw while formatting it.
const field = { id: 'f', name: 'Start date', kind: 'date', choices: [], position: 0 } as unknown as CustomField;
const format = createFormatters('en', () => '');

describe('a custom date value as shown', () => {
  it('formats a real day, 9999-12-31 included', () => {
    expect(valueText(field, '2026-05-01', format)).toBe(format.date('2026-05-01'));
    expect(valueText(field, '9999-12-31', format)).toContain('9999');
  });

  it.each(['lots', 52000, '2026-02-30', '2026-02-30T10:00', '0000-00-00x'])('shows %j as written', (value) => {
    expect(valueText(field, value, format)).toBe(String(value));
  });
});
