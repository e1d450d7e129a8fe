import { describe, expect, it } from 'vitest';
import { applicationCreate, bulkUpdate, listQuery, loginRequest, registerRequest } from '../../src-server/compat/jobtracker/schemas';
import { fieldErrors } from '../../src-server/compat/fastapi';
import type { z } from 'zod';

/** The 422 detail a JobTracker route answers for `input` (what FastAPI's pydantic models would say). */
function detail(schema: z.ZodType, input: unknown, where: 'body' | 'query' = 'body') {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected a refusal');
  return fieldErrors(result.error, where, input);
}

describe('JobTracker’s 422 details read as pydantic v2 writes them', () => {
  it('names a missing field, a wrong type and an enum value as pydantic does', () => {
    const errors = detail(applicationCreate, { poste: 1, type_poste: 'permanent', salaire_min: 'beaucoup', salaire_max: 4.5, is_favorite: 'peut-être', competences: 'React' });
    expect(errors).toEqual([
      { type: 'missing', loc: ['body', 'entreprise'], msg: 'Field required' },
      { type: 'string_type', loc: ['body', 'poste'], msg: 'Input should be a valid string' },
      { type: 'enum', loc: ['body', 'type_poste'], msg: expect.stringMatching(/^Input should be 'cdi', .+ or '[a-z_]+'$/) },
      { type: 'int_parsing', loc: ['body', 'salaire_min'], msg: 'Input should be a valid integer, unable to parse string as an integer' },
      { type: 'int_from_float', loc: ['body', 'salaire_max'], msg: 'Input should be a valid integer, got a number with a fractional part' },
      { type: 'list_type', loc: ['body', 'competences'], msg: 'Input should be a valid list' },
      { type: 'bool_parsing', loc: ['body', 'is_favorite'], msg: 'Input should be a valid boolean, unable to interpret input' },
    ]);
    // Every key in pydantic's order.
    expect(Object.keys(errors[0]!)).toEqual(['type', 'loc', 'msg']);
  });

  it('states string lengths and number bounds with their limit', () => {
    expect(detail(applicationCreate, { entreprise: '', poste: 'x'.repeat(201) })).toEqual([
      { type: 'string_too_short', loc: ['body', 'entreprise'], msg: 'String should have at least 1 character' },
      { type: 'string_too_long', loc: ['body', 'poste'], msg: 'String should have at most 200 characters' },
    ]);
    expect(detail(listQuery, { page: '0', per_page: '500' }, 'query')).toEqual([
      { type: 'greater_than_equal', loc: ['query', 'page'], msg: 'Input should be greater than or equal to 1' },
      { type: 'less_than_equal', loc: ['query', 'per_page'], msg: 'Input should be less than or equal to 100' },
    ]);
    expect(detail(bulkUpdate, { application_ids: Array.from({ length: 10_001 }, (_, index) => `id-${index}`), reponse: 'pending' })).toEqual([
      { type: 'too_long', loc: ['body', 'application_ids'], msg: 'List should have at most 10000 items after validation, not 10001' },
    ]);
    const short = detail(registerRequest, { email: 'a@b.fr', password: 'x', full_name: 'A' });
    expect(short).toEqual([{ type: 'string_too_short', loc: ['body', 'password'], msg: expect.stringMatching(/^String should have at least \d+ characters$/) }]);
  });

  it('reads a query’s text as pydantic parses it', () => {
    expect(detail(listQuery, { page: 'deux', is_favorite: 'bof' }, 'query')).toEqual([
      { type: 'int_parsing', loc: ['query', 'page'], msg: 'Input should be a valid integer, unable to parse string as an integer' },
      { type: 'bool_parsing', loc: ['query', 'is_favorite'], msg: 'Input should be a valid boolean, unable to interpret input' },
    ]);
  });

  it('keeps its own message where pydantic has no type of its own (a malformed e-mail, a wrong list member)', () => {
    const [email] = detail(loginRequest, { email: 'pas-une-adresse', password: 'x' });
    expect(email).toMatchObject({ type: 'value_error', loc: ['body', 'email'] });
    expect(email!.msg.length).toBeGreaterThan(0);
    expect(detail(bulkUpdate, { application_ids: ['a', 2], reponse: 'pending' })).toEqual([
      { type: 'string_type', loc: ['body', 'application_ids', 1], msg: 'Input should be a valid string' },
    ]);
  });
});
