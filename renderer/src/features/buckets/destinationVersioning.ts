/**
 * Whether versioning is on at each replication destination, asked with this connection. A
 * bucket of another account (or one this connection may not read) cannot be checked: said so.
 */
import { useEffect, useState } from 'react';
import { bucketNameProblem } from '../../../../shared/buckets.js';
import { api, toApiError, unwrap } from '../../api/client.js';

export type DestinationCheck = 'checking' | 'on' | 'off' | 'missing' | 'unchecked';

async function check(connectionId: string, bucket: string): Promise<DestinationCheck> {
  try {
    return (await unwrap(api().buckets.versioning({ connectionId, bucket }))) === 'Enabled' ? 'on' : 'off';
  } catch (error) {
    return toApiError(error).kind === 'notFound' ? 'missing' : 'unchecked';
  }
}

/** The check of each named destination, asked once the name has stopped changing. */
export function useDestinationVersioning(connectionId: string, buckets: string[]): Record<string, DestinationCheck> {
  const [checks, setChecks] = useState<Record<string, DestinationCheck>>({});
  const wanted = [...new Set(buckets.filter((b) => b && !bucketNameProblem(b)))].sort().join('\n');
  useEffect(() => {
    const names = wanted ? wanted.split('\n') : [];
    const fresh = names.filter((b) => !(b in checks));
    if (fresh.length === 0) return;
    const timer = setTimeout(() => {
      setChecks((c) => ({ ...c, ...Object.fromEntries(fresh.map((b) => [b, 'checking' as const])) }));
      for (const bucket of fresh) void check(connectionId, bucket).then((state) => setChecks((c) => ({ ...c, [bucket]: state })));
    }, 400);
    return () => clearTimeout(timer);
  }, [connectionId, wanted]); // eslint-disable-line react-hooks/exhaustive-deps
  return checks;
}
