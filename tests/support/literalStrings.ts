/**
 * Finds user-facing text written into the code instead of the catalogs: JSX text, the
 * attributes people read (title, aria-label, placeholder, alt, label, hint...), and string
 * literals handed to the toast and dialog helpers. Text without letters (punctuation,
 * symbols, "·") and the technical words of `allowed` pass.
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';

const readAttributes = new Set(['title', 'aria-label', 'aria-description', 'placeholder', 'alt', 'label', 'hint', 'description', 'emptyText', 'confirmLabel', 'cancelLabel']);
const readCalls = new Set(['showError', 'showInfo', 'showFailure', 'showSuccess', 'confirm', 'ask']);

/** Words that are the same in every language: names of things, not sentences. */
const allowed = new Set(['Stowage', 'S3', 'SFTP', 'SSH', 'AWS', 'ETag', 'ARN', 'JSON', 'CORS', 'URL', 'HTTP', 'HTTPS', 'MFA', 'SSO', 'KMS', 'ACL', 'ACLs', 'ID']);

function isReadable(text: string): boolean {
  const words = text.trim();
  if (!/\p{L}/u.test(words)) return false;
  return !words.split(/[\s/·,()]+/).every((word) => word === '' || allowed.has(word) || !/\p{L}/u.test(word));
}

export interface Literal {
  file: string;
  line: number;
  text: string;
}

export function literalStrings(file: string): Literal[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: Literal[] = [];
  const report = (node: ts.Node, text: string) => {
    if (isReadable(text)) found.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: text.trim() });
  };
  const stringOf = (node: ts.Node | undefined): string | undefined =>
    node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : node && ts.isTemplateExpression(node) ? node.head.text + node.templateSpans.map((s) => s.literal.text).join(' ') : undefined;
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxAttribute(node) && readAttributes.has(node.name.getText(source))) {
      const init = node.initializer;
      const value = init && ts.isJsxExpression(init) ? init.expression : init;
      const text = stringOf(value);
      if (text !== undefined) report(node, text);
    } else if (ts.isJsxExpression(node) && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      const text = stringOf(node.expression);
      if (text !== undefined) report(node, text);
    } else if (ts.isCallExpression(node) && readCalls.has(node.expression.getText(source).split('.').pop() ?? '')) {
      for (const arg of node.arguments) {
        const text = stringOf(arg);
        if (text !== undefined) report(arg, text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
