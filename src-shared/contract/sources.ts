import { z } from 'zod';
import { id, requiredText } from './common';
import type { BuiltInSource } from './enums';

export const createSourceInput = z.object({ name: requiredText(80) }).strict();
export const deleteSourceInput = z.object({ id }).strict();

export interface SourceList {
  builtIn: BuiltInSource[];
  /** Sources the user added, plus values found on applications that are neither. */
  custom: { id: string | null; name: string; applicationCount: number }[];
}
