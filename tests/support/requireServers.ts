import { readTestbedEnv } from './testbedEnv.js';

/** Integration tests need the real RGW and sshd: fail at once, clearly, when they are down. */
export default async function requireServers(): Promise<void> {
  const env = readTestbedEnv();
  const response = await fetch(env.s3.endpoint).catch((error: unknown) => {
    throw new Error(`The test S3 server at ${env.s3.endpoint} does not answer (${String(error)}): run \`npm run servers:start\`.`);
  });
  await response.arrayBuffer();
}
