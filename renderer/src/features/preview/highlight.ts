/**
 * A small syntax colourer for Quick Look: one pass of a few regular expressions per family of
 * languages (comments, strings, numbers, keywords; tags in markup; keys in JSON). It colours,
 * it does not parse: what it misses stays plain text, never wrong text.
 */
export type TokenKind = 'plain' | 'comment' | 'string' | 'number' | 'keyword' | 'literal' | 'tag' | 'attr' | 'key' | 'heading';

export interface Token {
  kind: TokenKind;
  text: string;
}

interface Grammar {
  /** Alternatives, each a capture group, in this order of kinds. */
  rules: [TokenKind, RegExp][];
  keywords?: Set<string>;
  literals?: Set<string>;
}

const words = (list: string) => new Set(list.split(' '));
const cString = /"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?/;
const number = /\b(?:0[xX][0-9a-fA-F_]+|\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?)\b/;
const word = /[A-Za-z_$][\w$]*/;

const cLike = (keywords: string, literals = 'true false null'): Grammar => ({
  rules: [
    ['comment', /\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$)/],
    ['string', new RegExp(`${cString.source}|\`(?:[^\`\\\\]|\\\\.)*\`?`)],
    ['number', number],
    ['plain', word],
  ],
  keywords: words(keywords),
  literals: words(literals),
});

const hashComments = (keywords: string, literals: string): Grammar => ({
  rules: [
    ['comment', /#[^\n]*/],
    ['string', /"""[\s\S]*?(?:"""|$)|'''[\s\S]*?(?:'''|$)|"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?/],
    ['number', number],
    ['plain', word],
  ],
  keywords: words(keywords),
  literals: words(literals),
});

const grammars: Record<string, Grammar> = {
  javascript: cLike(
    'async await break case catch class const continue default delete do else export extends finally for from function if import in instanceof let new of return static super switch this throw try typeof var void while yield',
    'true false null undefined NaN Infinity',
  ),
  typescript: cLike(
    'abstract as async await break case catch class const continue declare default delete do else enum export extends finally for from function if implements import in instanceof interface keyof let namespace new of private protected public readonly return satisfies static super switch this throw try type typeof var void while yield',
    'true false null undefined NaN Infinity',
  ),
  java: cLike('abstract break case catch class continue default do else enum extends final finally for if implements import instanceof interface new package private protected public return static super switch this throw throws try void while var record'),
  kotlin: cLike('as break class continue do else false for fun if in interface is null object package return super this throw true try typealias val var when while data sealed override private public internal'),
  csharp: cLike('abstract as async await base break case catch class const continue default delegate do else enum event explicit extern finally fixed for foreach if implicit in interface internal is lock namespace new operator out override params private protected public readonly ref return sealed static struct switch this throw try typeof using var virtual void while'),
  go: cLike('break case chan const continue default defer else fallthrough for func go goto if import interface map package range return select struct switch type var', 'true false nil iota'),
  rust: cLike('as async await break const continue crate dyn else enum extern fn for if impl in let loop match mod move mut pub ref return self Self static struct super trait type unsafe use where while', 'true false None Some Ok Err'),
  c: cLike('auto break case char const continue default do double else enum extern float for goto if int long register return short signed sizeof static struct switch typedef union unsigned void volatile while #include #define', 'NULL true false'),
  cpp: cLike('auto break case catch char class const constexpr continue default delete do double else enum explicit extern float for friend if inline int long namespace new operator private protected public return short signed sizeof static struct switch template this throw try typedef typename union unsigned using virtual void volatile while', 'nullptr true false NULL'),
  swift: cLike('as break case catch class continue default defer do else enum extension fallthrough for func guard if import in init let protocol return self static struct switch throw throws try var where while', 'true false nil'),
  php: cLike('abstract and as break case catch class const continue declare default do echo else elseif extends final finally for foreach function global if implements include interface namespace new or private protected public require return static switch throw trait try use var while', 'true false null'),
  python: hashComments(
    'and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield',
    'True False None',
  ),
  ruby: hashComments('alias and begin break case class def defined? do else elsif end ensure for if in module next not or redo rescue retry return self super then unless until when while yield require', 'true false nil'),
  shell: hashComments('if then else elif fi for while until do done case esac in function return local export set unset echo exit source', 'true false'),
  powershell: hashComments('begin break catch class continue do else elseif end exit filter finally for foreach function if in param process return switch throw trap try until while', '$true $false $null'),
  yaml: {
    rules: [
      ['comment', /#[^\n]*/],
      ['key', /^[ \t-]*[\w.-]+(?=:)/m],
      ['string', cString],
      ['number', number],
      ['plain', word],
    ],
    literals: words('true false null yes no on off'),
  },
  ini: {
    rules: [
      ['comment', /^[ \t]*[#;][^\n]*/m],
      ['tag', /^[ \t]*\[[^\]\n]*\]/m],
      ['key', /^[ \t]*[\w.-]+(?=[ \t]*=)/m],
      ['string', cString],
      ['number', number],
    ],
    literals: words('true false'),
  },
  hcl: hashComments('resource data variable output module provider locals terraform for in if', 'true false null'),
  sql: {
    rules: [
      ['comment', /--[^\n]*|\/\*[\s\S]*?(?:\*\/|$)/],
      ['string', /'(?:[^']|'')*'?/],
      ['number', number],
      ['plain', word],
    ],
    keywords: words(
      'select from where and or not insert into values update set delete create table alter drop index join left right inner outer on group by order having limit offset as distinct union all primary key foreign references null is in like between case when then else end with returning SELECT FROM WHERE AND OR NOT INSERT INTO VALUES UPDATE SET DELETE CREATE TABLE ALTER DROP INDEX JOIN LEFT RIGHT INNER OUTER ON GROUP BY ORDER HAVING LIMIT OFFSET AS DISTINCT UNION ALL PRIMARY KEY FOREIGN REFERENCES NULL IS IN LIKE BETWEEN CASE WHEN THEN ELSE END WITH RETURNING',
    ),
  },
  css: {
    rules: [
      ['comment', /\/\*[\s\S]*?(?:\*\/|$)/],
      ['string', cString],
      ['key', /[\w-]+(?=\s*:[^;{}\n]*;)/],
      ['number', /#[0-9a-fA-F]{3,8}\b|\b\d+(?:\.\d+)?(?:px|em|rem|%|vh|vw|s|ms|deg)?\b/],
      ['tag', /[.#]?[A-Za-z_][\w-]*(?=[^;{}\n]*\{)/],
    ],
  },
  xml: {
    rules: [
      ['comment', /<!--[\s\S]*?(?:-->|$)/],
      ['tag', /<\/?[\w:.-]+|\/?>/],
      ['attr', /\b[\w:.-]+(?==)/],
      ['string', /"[^"\n]*"?|'[^'\n]*'?/],
    ],
  },
  markdown: {
    rules: [
      ['heading', /^#{1,6} [^\n]*/m],
      ['string', /`[^`\n]*`/],
      ['keyword', /\*\*[^*\n]+\*\*|__[^_\n]+__/],
      ['attr', /\[[^\]\n]*\]\([^)\n]*\)/],
    ],
  },
  json: {
    rules: [
      ['key', /"(?:[^"\\\n]|\\.)*"(?=\s*:)/],
      ['string', /"(?:[^"\\\n]|\\.)*"?/],
      ['number', /-?\b\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\b/],
      ['plain', word],
    ],
    literals: words('true false null'),
  },
};

const compiled = new Map<string, RegExp>();

function patternOf(language: string, grammar: Grammar): RegExp {
  let pattern = compiled.get(language);
  if (!pattern) {
    pattern = new RegExp(grammar.rules.map(([, rule]) => `(${rule.source})`).join('|'), 'gm');
    compiled.set(language, pattern);
  }
  return pattern;
}

/** Whether `language` has colours here. */
export const knowsLanguage = (language: string | undefined): boolean => !!language && language in grammars;

/** The tokens of `text` in `language`; one plain token for a language without colours. */
export function tokenize(text: string, language: string | undefined): Token[] {
  const grammar = language ? grammars[language] : undefined;
  if (!grammar || !language) return [{ kind: 'plain', text }];
  const pattern = patternOf(language, grammar);
  pattern.lastIndex = 0;
  const tokens: Token[] = [];
  let plain = '';
  let at = 0;
  const push = (kind: TokenKind, piece: string) => {
    if (kind === 'plain') {
      plain += piece;
      return;
    }
    if (plain) tokens.push({ kind: 'plain', text: plain });
    plain = '';
    tokens.push({ kind, text: piece });
  };
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0] === '') {
      pattern.lastIndex++;
      continue;
    }
    push('plain', text.slice(at, match.index));
    const group = match.findIndex((value, i) => i > 0 && value !== undefined);
    let kind = grammar.rules[group - 1]![0];
    if (kind === 'plain') kind = grammar.keywords?.has(match[0]) ? 'keyword' : grammar.literals?.has(match[0]) ? 'literal' : 'plain';
    push(kind, match[0]);
    at = match.index + match[0].length;
  }
  push('plain', text.slice(at));
  if (plain) tokens.push({ kind: 'plain', text: plain });
  return tokens;
}
