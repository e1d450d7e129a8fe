import { describe, expect, it } from 'vitest';
import { parseSalary } from '../../src-main/imports/salary';

describe('salary cells', () => {
  it.each([
    [45000, { min: 45000, max: 45000, currency: null, period: null }],
    ['45 000 €', { min: 45000, max: 45000, currency: 'EUR', period: null }],
    ['45k', { min: 45000, max: 45000, currency: null, period: null }],
    ['40-45k€', { min: 40000, max: 45000, currency: 'EUR', period: null }],
    ['40 000 – 45 000 € brut annuel', { min: 40000, max: 45000, currency: 'EUR', period: 'year' }],
    ['3000€/mois', { min: 3000, max: 3000, currency: 'EUR', period: 'month' }],
    ['$120,000 per year', { min: 120000, max: 120000, currency: 'USD', period: 'year' }],
    ['TJM 550 €', { min: 550, max: 550, currency: 'EUR', period: 'day' }],
    ['2 800,50 CHF', { min: 2801, max: 2801, currency: 'CHF', period: null }],
    ['45.5k £', { min: 45500, max: 45500, currency: 'GBP', period: null }],
  ])('reads %j', (cell, expected) => {
    expect(parseSalary(cell)).toEqual(expected);
  });

  it('finds no amount in words', () => {
    expect(parseSalary('selon profil')).toBeNull();
    expect(parseSalary('')).toBeNull();
  });
});
