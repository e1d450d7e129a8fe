import { z } from 'zod';
import { id } from './common';
import { boardBaseUrl } from './watch';

/**
 * Optional AI (issue 14, item 4; docs/watch.md): off by default; the user's own key and any OpenAI-compatible
 * endpoint (base URL and model). A posting becomes structured fields, scored against the profile's skills; the
 * preview shows exactly what would be sent. The key lives in the device's SecretStore, never in the database.
 */
export const updateAiSettingsInput = z
  .object({
    enabled: z.boolean(),
    /** Up to the API's version, e.g. https://api.openai.com/v1 or http://127.0.0.1:11434/v1 for a local server. */
    baseUrl: boardBaseUrl,
    model: z.string().trim().min(1, 'must not be empty').max(200),
    timeoutSeconds: z.number().int().min(1).max(600),
    /** A new key; null forgets it; absent keeps it. */
    apiKey: z.string().trim().min(1, 'must not be empty').max(500).nullable(),
  })
  .partial()
  .strict();

/** A posting to analyse: an opportunity of the inbox, or an application (its captured posting, else its description). */
export const aiPostingInput = z.union([z.object({ opportunityId: id }).strict(), z.object({ applicationId: id }).strict()]);

const none = z.undefined().or(z.object({}).strict()).optional();

export const aiChannelInputs = {
  'ai.settings': none,
  'ai.update': updateAiSettingsInput,
  'ai.preview': aiPostingInput,
  'ai.analyze': aiPostingInput,
} as const;

export interface AiSettings {
  enabled: boolean;
  baseUrl: string;
  model: string;
  timeoutSeconds: number;
  /** Whether a key is stored (the key itself is never sent back). */
  hasKey: boolean;
}

/** Exactly what `ai.analyze` sends: the address, and the request's body (the key goes in a header, shown masked). */
export interface AiPreview {
  url: string;
  headers: Record<string, string>;
  body: { model: string; temperature: number; response_format: { type: 'json_object' }; messages: { role: 'system' | 'user'; content: string }[] };
}

/** What the model must answer, checked before anything is shown. */
export const aiPostingFields = z.object({
  requiredSkills: z.array(z.string().trim().min(1).max(80)).max(100),
  preferredSkills: z.array(z.string().trim().min(1).max(80)).max(100),
  yearsOfExperience: z.number().int().min(0).max(60).nullable(),
  salary: z
    .object({ min: z.number().min(0).nullable(), max: z.number().min(0).nullable(), currency: z.string().max(3).nullable(), period: z.enum(['year', 'month', 'day', 'hour']).nullable() })
    .nullable(),
  remote: z.enum(['remote', 'hybrid', 'on_site']).nullable(),
  summary: z.array(z.string().trim().min(1).max(300)).min(1).max(5),
});
export type AiPostingFields = z.infer<typeof aiPostingFields>;

export interface AiAnalysis {
  fields: AiPostingFields;
  /** 0–100: the share of the required skills (twice the weight) and preferred skills the profile lists. */
  fitScore: number;
  matchedSkills: string[];
  missingSkills: string[];
}

export interface AiOutputs {
  'ai.settings': AiSettings;
  'ai.update': AiSettings;
  'ai.preview': AiPreview;
  'ai.analyze': AiAnalysis;
}
