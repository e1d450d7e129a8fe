import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** Attributes whose text reaches the user (read aloud or shown): they must come from the catalogues. */
export const userFacingAttributes = new Set(['aria-label', 'aria-description', 'aria-placeholder', 'aria-roledescription', 'title', 'placeholder', 'alt', 'label']);

export interface HardcodedText {
  file: string;
  line: number;
  text: string;
}

const hasLetters = (text: string) => /\p{L}/u.test(text);

/** Every JSX text node with letters, and every user-facing attribute given a literal string with letters. */
export function findHardcodedText(file: string, source: string): HardcodedText[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: HardcodedText[] = [];
  const report = (node: ts.Node, text: string) =>
    found.push({ file, line: tree.getLineAndCharacterOfPosition(node.getStart(tree)).line + 1, text: text.trim() });

  const literalText = (expression: ts.Expression | undefined): string | undefined => {
    if (!expression) return undefined;
    if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return expression.text;
    return undefined;
  };

  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasLetters(node.text)) report(node, node.text);
    if (ts.isJsxExpression(node) && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      const text = literalText(node.expression);
      if (text !== undefined && hasLetters(text)) report(node, text);
    }
    if (ts.isJsxAttribute(node) && userFacingAttributes.has(node.name.getText(tree))) {
      const initializer = node.initializer;
      const text = initializer && ts.isStringLiteral(initializer) ? initializer.text : initializer && ts.isJsxExpression(initializer) ? literalText(initializer.expression) : undefined;
      if (text !== undefined && hasLetters(text)) report(node, `${node.name.getText(tree)}="${text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

export function tsxFilesUnder(dir: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...tsxFilesUnder(full));
    else if (entry.name.endsWith('.tsx')) files.push(full);
  }
  return files.sort();
}
