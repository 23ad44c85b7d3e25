import type { S3Client } from '@aws-sdk/client-s3';

/** Counts the requests of one command (`'GetObjectCommand'`) that `client` really sends: presigning one sends nothing. */
export function countSent(client: S3Client, commandName: string): () => number {
  let sent = 0;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === commandName) sent++;
      return next(args);
    },
    { step: 'deserialize', name: `count${commandName}` },
  );
  return () => sent;
}
