import { useEffect } from 'react';
import { z } from 'zod';
import type { Stage } from '../../../../src-shared/contract';
import { stageCategories } from '../../../../src-shared/contract/enums';
import { useChannel } from '../../api/hooks';
import { rememberedStagesKey } from './columnPages';

/**
 * The board's stages as the last answer gave them, kept in this window's localStorage so that the board draws its
 * columns (and asks for their cards) in its first render, instead of a render later, once `stages.list` has
 * answered. The real answer replaces them as soon as it comes (it is asked before React starts: main.tsx), and is
 * kept for the next start. What is read back is parsed: another version's or a hand-edited value reads as nothing.
 */
const storedStages = z
  .array(
    z.object({
      id: z.string().min(1).max(100),
      name: z.string().max(80).nullable(),
      category: z.enum(stageCategories),
      position: z.number().int(),
      applicationCount: z.number().int().min(0),
    }),
  )
  .max(200);

let remembered: Stage[] | undefined | null = null;

/** Read once per start: the placeholder is asked for on every render of the board until the answer comes. */
export function rememberedStages(): Stage[] | undefined {
  if (remembered === null) {
    try {
      const parsed = storedStages.safeParse(JSON.parse(localStorage.getItem(rememberedStagesKey) ?? 'null'));
      remembered = parsed.success ? parsed.data : undefined;
    } catch {
      remembered = undefined;
    }
  }
  return remembered;
}

/** Same stages, same order, same values: what the columns draw from a stage would not change. */
function sameStages(a: Stage[], b: Stage[]): boolean {
  return (
    a.length === b.length &&
    a.every((stage, index) => {
      const other = b[index];
      return (
        stage.id === other.id &&
        stage.name === other.name &&
        stage.category === other.category &&
        stage.position === other.position &&
        stage.applicationCount === other.applicationCount
      );
    })
  );
}

function remember(stages: Stage[]): void {
  // The remembered objects stay when the answer repeats them (see useBoardStages), and so does what is stored.
  if (remembered && sameStages(remembered, stages)) return;
  remembered = stages;
  try {
    localStorage.setItem(rememberedStagesKey, JSON.stringify(stages));
  } catch {
    // A full or disabled storage only costs drawing the columns a render later.
  }
}

/**
 * The stages in board order: the last run's until `stages.list` answers, then the answer. An answer that says what
 * the last run remembered gives back the remembered objects: the columns (memoised) are then not drawn a second
 * time, with the cards that arrived meanwhile, only because the same stages came back as new objects.
 */
export function useBoardStages(): Stage[] {
  const stages = useChannel('stages.list', undefined, { placeholderData: rememberedStages });
  const answer = stages.isPlaceholderData ? undefined : stages.data;
  useEffect(() => {
    if (answer) remember(answer);
  }, [answer]);
  const kept = rememberedStages();
  if (answer && kept && sameStages(kept, answer)) return kept;
  return stages.data ?? [];
}
