import { words } from '../../src-shared/text';

/**
 * A board card written as one cell, as board exports do (huntr-exporter: one column per list, one card per cell):
 * "Position @ Company", "Position at Company", "Poste chez Entreprise", or two parts around a dash or a bar
 * ("Company — Position", "Position - Company"), whose order is decided once for the whole file (`cardOrder`).
 */
export type Card = { kind: 'at'; position: string; company: string } | { kind: 'dash'; left: string; right: string };

const atPattern = /^(.+?)\s+(?:@|at|chez)\s+(.+)$/i;
const strongDash = /\s+[—–|]\s+/;
const hyphen = /\s+-\s+/;

export function parseCard(text: string): Card | null {
  const value = text.trim();
  if (value.length < 3 || value.length > 300 || value.includes('\n')) return null;
  const at = /\s@\s/.test(value) ? /^(.+?)\s+@\s+(.+)$/.exec(value) : atPattern.exec(value);
  if (at && at[1].trim() && at[2].trim()) return { kind: 'at', position: at[1].trim(), company: at[2].trim() };
  const separator = strongDash.test(value) ? strongDash : hyphen.test(value) ? hyphen : null;
  if (!separator) return null;
  const index = value.search(separator);
  const match = separator.exec(value.slice(index))!;
  const left = value.slice(0, index).trim();
  const right = value.slice(index + match[0].length).trim();
  return left && right ? { kind: 'dash', left, right } : null;
}

/** Words of job titles, English and French: the side of a card that has them is the position. */
const titleWords = new Set(
  words(
    `engineer engineering developer dev manager management analyst analytics intern internship designer design scientist science consultant
    lead director head specialist coordinator assistant associate administrator architect technician officer representative executive
    advisor sales marketing product data software frontend backend fullstack full stack devops sre qa tester test support accountant
    writer editor researcher owner president vp cto ceo cfo senior junior principal staff graduate trainee apprentice programmer
    stagiaire alternant alternante alternance ingenieur developpeur developpeuse chef responsable charge chargee directeur directrice
    technicien technicienne conseiller conseillere commercial commerciale comptable gestionnaire analyste concepteur conceptrice stage
    poste hf fh web mobile cloud security java python react ios android ux ui`,
  ),
);

export function titleWordCount(text: string): number {
  return words(text).filter((word) => titleWords.has(word)).length;
}

/**
 * Which side of the dash cards of a file is the company: the side with fewer words of job titles, over all of
 * them. When the file does not tell, "Company — Position" (the order most boards write).
 */
export function cardOrder(cards: Iterable<Card>): 'company-first' | 'position-first' {
  let left = 0;
  let right = 0;
  for (const card of cards) {
    if (card.kind !== 'dash') continue;
    left += Math.sign(titleWordCount(card.left));
    right += Math.sign(titleWordCount(card.right));
  }
  return left > right ? 'position-first' : 'company-first';
}

/** Company and position of a card, the file's order applied to dash cards. */
export function cardParts(card: Card, order: 'company-first' | 'position-first'): { company: string; position: string } {
  if (card.kind === 'at') return { company: card.company, position: card.position };
  return order === 'company-first' ? { company: card.left, position: card.right } : { company: card.right, position: card.left };
}
