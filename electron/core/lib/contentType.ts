import mime from 'mime';

export function contentTypeFor(fileName: string): string {
  return mime.getType(fileName) ?? 'application/octet-stream';
}
