/**
 * The IPC contract: every operation the renderer may ask of main, with the schema main
 * validates its request against and the type of its answer, and every event main sends.
 * Each domain keeps its own file under contract/; this one joins them.
 */
import type { z } from 'zod';
import { appEvents, appOperations } from './contract/app.js';
import { bucketEvents, bucketOperations } from './contract/buckets.js';
import { connectionEvents, connectionOperations } from './contract/connections.js';
import type { EventDef, Operation } from './contract/define.js';
import { fsEvents, fsOperations } from './contract/fs.js';
import { previewEvents, previewOperations } from './contract/preview.js';
import { s3Events, s3Operations } from './contract/s3.js';
import { searchEvents, searchOperations } from './contract/search.js';
import { sftpEvents, sftpOperations } from './contract/sftp.js';
import { ssoEvents, ssoOperations } from './contract/sso.js';
import { syncEvents, syncOperations } from './contract/sync.js';
import { transferEvents, transferOperations } from './contract/transfers.js';

export type { AppInfo } from './contract/app.js';

export const operations = {
  ...appOperations,
  ...connectionOperations,
  ...fsOperations,
  ...s3Operations,
  ...bucketOperations,
  ...sftpOperations,
  ...transferOperations,
  ...syncOperations,
  ...searchOperations,
  ...ssoOperations,
  ...previewOperations,
};

export const events = {
  ...appEvents,
  ...connectionEvents,
  ...fsEvents,
  ...s3Events,
  ...bucketEvents,
  ...sftpEvents,
  ...transferEvents,
  ...syncEvents,
  ...searchEvents,
  ...ssoEvents,
  ...previewEvents,
};

export type InvokeChannel = keyof typeof operations;
export type EventChannel = keyof typeof events;

type RequestSchema<C extends InvokeChannel> = (typeof operations)[C]['request'];
export type Request<C extends InvokeChannel> = z.input<RequestSchema<C>>;
export type ParsedRequest<C extends InvokeChannel> = z.output<RequestSchema<C>>;
export type Response<C extends InvokeChannel> = (typeof operations)[C] extends Operation<z.ZodType, infer R> ? R : never;
export type EventPayload<C extends EventChannel> = (typeof events)[C] extends EventDef<infer P> ? P : never;
