import type { connectionOperations } from '../../../../shared/contract/connections.js';
import { listAwsProfiles } from '../../connections/awsProfiles.js';
import { BookmarkImporter } from '../../connections/import/bookmarkImport.js';
import type { DomainHandlers } from './domainHandlers.js';
import type { Services } from './services.js';

export function connectionHandlers({ host, events, connections, sessions, transfers }: Services): DomainHandlers<typeof connectionOperations> {
  const announce = () => events.emit('connections:changed', connections.list());
  const importer = new BookmarkImporter(connections);
  return {
    'connections:list': () => connections.list(),
    'connections:save': async ({ draft }) => {
      const saved = await connections.save(draft);
      announce();
      return saved;
    },
    'connections:delete': async ({ id }) => {
      await sessions.disconnect(id);
      await connections.delete(id);
      announce();
    },
    'connections:duplicate': async ({ id, copyWord }) => {
      const copy = await connections.duplicate(id, copyWord);
      announce();
      return copy;
    },
    'connections:awsProfiles': () => listAwsProfiles(host.env ?? process.env, host.homeDir),
    'connections:connect': async ({ id, secrets, remember }) => {
      const outcome = await sessions.connect(id, secrets, remember);
      announce();
      // Not awaited: the user browses while a crash's leftovers are cleared on the server.
      if (outcome.state === 'connected') void transfers.settleLeftovers(id).catch(() => undefined);
      return outcome;
    },
    'connections:answerHostKey': ({ promptId, decision }) => sessions.answerHostKey(promptId, decision),
    'connections:disconnect': ({ id }) => sessions.disconnect(id),
    'connections:previewImport': ({ paths }) => importer.preview(paths),
    'connections:commitImport': async ({ previewId, ids }) => {
      const outcome = await importer.commit(previewId, ids);
      announce();
      return outcome;
    },
  };
}
