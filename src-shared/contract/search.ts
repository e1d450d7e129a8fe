import { z } from 'zod';
import type { StageCategory } from './enums';

export const searchInput = z
  .object({ text: z.string().trim().min(1).max(200), limit: z.number().int().min(1).max(50).default(8) })
  .strict();

export interface SearchResult {
  applications: { id: string; position: string; companyName: string; stageCategory: StageCategory }[];
  companies: { id: string; name: string; applicationCount: number }[];
  contacts: { id: string; name: string; role: string | null; companyName: string | null }[];
}
