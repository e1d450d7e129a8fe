import type { Random } from './random';
import { sentences, type Language } from './vocabulary';

/** `count` sentences of the language, as one paragraph. */
export function paragraph(random: Random, language: Language, count: number): string {
  const parts: string[] = [];
  for (let i = 0; i < count; i += 1) parts.push(random.pick(sentences[language]));
  return parts.join(' ');
}

/**
 * Notes of varied lengths, as people write them: often none, often a line, sometimes a paragraph, and now
 * and then a long log of the whole process (several thousand characters).
 */
export function notes(random: Random, language: Language): string | null {
  const kind = random.weighted([['none', 45], ['line', 33], ['paragraph', 17], ['long', 5]] as const);
  if (kind === 'none') return null;
  if (kind === 'line') return paragraph(random, language, random.int(1, 2));
  if (kind === 'paragraph') return paragraph(random, language, random.int(3, 8));
  const blocks: string[] = [];
  const count = random.int(6, 24);
  for (let i = 0; i < count; i += 1) blocks.push(paragraph(random, language, random.int(3, 7)));
  return blocks.join('\n\n');
}

/** A job description: the title, a few paragraphs and the skills asked for. */
export function description(random: Random, language: Language, position: string, skills: readonly string[]): string {
  const heading = language === 'fr' ? 'Compétences recherchées :' : 'What we are looking for:';
  const body: string[] = [position];
  for (let i = random.int(2, 5); i > 0; i -= 1) body.push(paragraph(random, language, random.int(2, 5)));
  body.push(`${heading} ${skills.join(', ')}.`);
  return body.join('\n\n');
}
