import { v7 as uuidv7 } from 'uuid';

/** Time-ordered, unique across devices: new rows sort by creation and never collide when synced. */
export function newId(): string {
  return uuidv7();
}
