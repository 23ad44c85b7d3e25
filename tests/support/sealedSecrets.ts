import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Flips one byte of a connection's sealed secret on disk, as a changed OS keychain would leave it unreadable. */
export async function damageSealedSecret(dataDir: string, id: string): Promise<void> {
  const file = join(dataDir, 'connections.json');
  const body = JSON.parse(await readFile(file, 'utf8')) as { sealedSecrets: Record<string, string> };
  const sealed = Buffer.from(body.sealedSecrets[id]!, 'base64');
  sealed[sealed.length - 1]! ^= 0xff;
  body.sealedSecrets[id] = sealed.toString('base64');
  await writeFile(file, JSON.stringify(body));
}
