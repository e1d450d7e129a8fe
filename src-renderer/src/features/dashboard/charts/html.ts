/** Tooltips are HTML: values the user typed (a company, a source, a skill) must not become markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
