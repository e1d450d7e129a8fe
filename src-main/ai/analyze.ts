import { aiPostingFields, type AiAnalysis, type AiPostingFields, type AiPreview } from '../../src-shared/contract';
import { AppError } from '../../src-shared/errors';
import { nameKey } from '../../src-shared/text';
import type { AiPosting } from './posting';
import type { readAiConfig } from './settings';

const instructions = `You read a job posting and answer with one JSON object, nothing else, with exactly these keys:
"requiredSkills" (array of short strings), "preferredSkills" (array of short strings),
"yearsOfExperience" (integer or null), "salary" (null or {"min": number|null, "max": number|null, "currency": ISO 4217 code|null, "period": "year"|"month"|"day"|"hour"|null}),
"remote" ("remote"|"hybrid"|"on_site"|null), "summary" (an array of at most five short lines).`;

/** The largest posting text sent: a model's context is finite, and the beginning of a posting says what matters. */
const maxPostingText = 20_000;

/** Exactly what is sent for a posting: the preview shows this, and `analyze` sends this. */
export function aiRequest(config: ReturnType<typeof readAiConfig>, source: AiPosting, hasKey: boolean): AiPreview {
  const posting = [
    `Title: ${source.title}`,
    `Company: ${source.companyName}`,
    source.location ? `Location: ${source.location}` : null,
    '',
    source.text.slice(0, maxPostingText),
  ]
    .filter((line) => line !== null)
    .join('\n');
  return {
    url: `${config.baseUrl}/chat/completions`,
    headers: { 'content-type': 'application/json', ...(hasKey ? { authorization: 'Bearer ••••••••' } : {}) },
    body: {
      model: config.model,
      temperature: 0,
      response_format: { type: 'json_object' },
      messages: [
        { role: 'system', content: instructions },
        { role: 'user', content: posting },
      ],
    },
  };
}

const unavailable = (message: string, reason: string, details: Record<string, unknown> = {}) => new AppError('UNAVAILABLE', message, { details: { reason, ...details } });

/** Sends the request to the configured endpoint only, with the key; checks the answer's shape with zod. */
export async function sendAiRequest(request: AiPreview, key: string | null, timeoutSeconds: number): Promise<AiPostingFields> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutSeconds * 1000);
  let answer: unknown;
  try {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (key) headers.authorization = `Bearer ${key}`;
    const response = await fetch(request.url, { method: 'POST', headers, body: JSON.stringify(request.body), signal: controller.signal, redirect: 'error' });
    if (!response.ok) {
      await response.body?.cancel();
      throw unavailable(`The AI endpoint answered with HTTP ${response.status}`, 'http_status', { status: response.status });
    }
    answer = await response.json();
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (controller.signal.aborted) throw unavailable(`The AI endpoint did not answer within ${timeoutSeconds} s`, 'timeout');
    throw unavailable('The AI endpoint could not be reached or its answer is not JSON', 'network');
  } finally {
    clearTimeout(timer);
  }
  const content = (answer as { choices?: { message?: { content?: unknown } }[] } | null)?.choices?.[0]?.message?.content;
  if (typeof content !== 'string') throw unavailable('The AI endpoint’s answer is not a chat completion', 'malformed');
  let parsed: unknown;
  try {
    // Some models wrap their JSON in a code fence.
    parsed = JSON.parse(content.trim().replace(/^```(?:json)?\s*|\s*```$/g, ''));
  } catch {
    throw unavailable('The model’s answer is not valid JSON', 'malformed');
  }
  const fields = aiPostingFields.safeParse(parsed);
  if (!fields.success) {
    throw unavailable(`The model’s answer does not have the expected fields: ${fields.error.issues[0]?.path.join('.') ?? ''}`, 'malformed');
  }
  return fields.data;
}

/** The fit of a posting's skills with the profile's: required ones count twice. */
export function fitOf(fields: AiPostingFields, profileSkills: readonly string[]): Omit<AiAnalysis, 'fields'> {
  const mine = new Set(profileSkills.map(nameKey));
  const required = fields.requiredSkills;
  const preferred = fields.preferredSkills;
  const has = (skill: string) => mine.has(nameKey(skill));
  const total = required.length * 2 + preferred.length;
  const got = required.filter(has).length * 2 + preferred.filter(has).length;
  return {
    fitScore: total === 0 ? 0 : Math.round((got / total) * 100),
    matchedSkills: [...required, ...preferred].filter(has),
    missingSkills: required.filter((skill) => !has(skill)),
  };
}
