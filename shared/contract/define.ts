import type { z } from 'zod';

/** An operation: the schema main validates its request with and, as a type only, its answer. */
export interface Operation<Req extends z.ZodType, Res> {
  request: Req;
  /** Phantom: carries the answer's type, never set. */
  response?: Res;
}

/** `op<Answer>()(requestSchema)` declares an operation. */
export function op<Res>() {
  return <Req extends z.ZodType>(request: Req): Operation<Req, Res> => ({ request });
}

/** An event main sends to windows; the payload is a type only. */
export interface EventDef<P> {
  payload?: P;
}

export function event<P>(): EventDef<P> {
  return {};
}
