import { z } from 'zod';
import { id, requiredText } from './common';

const color = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour such as #3366ff')
  .nullish();

export const createTagInput = z.object({ name: requiredText(60), color }).strict();
export const updateTagInput = z
  .object({ id, patch: z.object({ name: requiredText(60), color }).partial().strict() })
  .strict();

export interface Tag {
  id: string;
  name: string;
  color: string | null;
  applicationCount: number;
}
