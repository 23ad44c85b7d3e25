import type { TextFormat } from '../../../shared/contract/preview.js';
import { contentTypeFor } from '../lib/contentType.js';

/** What a file is shown as, decided by its name alone (the bytes of a text file are checked too). */
export type PreviewPlan =
  | { kind: 'text'; format: TextFormat; language?: string; contentType: string }
  | { kind: 'image' | 'audio' | 'video' | 'pdf'; contentType: string };

/**
 * Media types a preview streams, each fixed here and never taken from the server, so a file
 * can never be served as a page (HTML) or script. SVG is only ever drawn by an <img>.
 */
const streamed: Record<string, { kind: 'image' | 'audio' | 'video' | 'pdf'; contentType: string }> = {
  png: { kind: 'image', contentType: 'image/png' },
  jpg: { kind: 'image', contentType: 'image/jpeg' },
  jpeg: { kind: 'image', contentType: 'image/jpeg' },
  gif: { kind: 'image', contentType: 'image/gif' },
  webp: { kind: 'image', contentType: 'image/webp' },
  avif: { kind: 'image', contentType: 'image/avif' },
  bmp: { kind: 'image', contentType: 'image/bmp' },
  ico: { kind: 'image', contentType: 'image/x-icon' },
  svg: { kind: 'image', contentType: 'image/svg+xml' },
  mp3: { kind: 'audio', contentType: 'audio/mpeg' },
  m4a: { kind: 'audio', contentType: 'audio/mp4' },
  wav: { kind: 'audio', contentType: 'audio/wav' },
  ogg: { kind: 'audio', contentType: 'audio/ogg' },
  oga: { kind: 'audio', contentType: 'audio/ogg' },
  opus: { kind: 'audio', contentType: 'audio/ogg' },
  flac: { kind: 'audio', contentType: 'audio/flac' },
  mp4: { kind: 'video', contentType: 'video/mp4' },
  m4v: { kind: 'video', contentType: 'video/mp4' },
  webm: { kind: 'video', contentType: 'video/webm' },
  ogv: { kind: 'video', contentType: 'video/ogg' },
  mov: { kind: 'video', contentType: 'video/mp4' },
  pdf: { kind: 'pdf', contentType: 'application/pdf' },
};

/** Code by extension, named as the window's highlighter knows the languages. */
const code: Record<string, string> = {
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  jsx: 'javascript',
  ts: 'typescript',
  tsx: 'typescript',
  mts: 'typescript',
  py: 'python',
  rb: 'ruby',
  go: 'go',
  rs: 'rust',
  java: 'java',
  kt: 'kotlin',
  c: 'c',
  h: 'c',
  cc: 'cpp',
  cpp: 'cpp',
  hpp: 'cpp',
  cs: 'csharp',
  php: 'php',
  swift: 'swift',
  sh: 'shell',
  bash: 'shell',
  zsh: 'shell',
  ps1: 'powershell',
  sql: 'sql',
  css: 'css',
  scss: 'css',
  html: 'xml',
  htm: 'xml',
  xml: 'xml',
  yaml: 'yaml',
  yml: 'yaml',
  toml: 'ini',
  ini: 'ini',
  conf: 'ini',
  tf: 'hcl',
  md: 'markdown',
  dockerfile: 'shell',
  makefile: 'shell',
};

function extensionOf(name: string): string {
  const lower = name.toLowerCase();
  if (lower === 'dockerfile' || lower === 'makefile') return lower;
  const dot = lower.lastIndexOf('.');
  return dot > 0 ? lower.slice(dot + 1) : '';
}

/** The plan for a file name; anything not known as media is tried as text (binary files are refused by their bytes). */
export function planFor(name: string): PreviewPlan {
  const ext = extensionOf(name);
  const media = streamed[ext];
  if (media) return media;
  const contentType = contentTypeFor(name).startsWith('application/octet-stream') ? 'text/plain' : contentTypeFor(name);
  if (ext === 'json' || ext === 'geojson' || ext === 'ipynb') return { kind: 'text', format: 'json', contentType };
  if (ext === 'csv') return { kind: 'text', format: 'csv', contentType };
  if (ext === 'tsv' || ext === 'tab') return { kind: 'text', format: 'tsv', contentType };
  const language = code[ext];
  if (language) return { kind: 'text', format: 'code', language, contentType };
  return { kind: 'text', format: 'plain', contentType };
}
