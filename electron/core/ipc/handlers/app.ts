import type { SecretStorageInfo } from '../../../../shared/connections.js';
import { englishMessage } from '../../../../shared/i18n/englishMessages.js';
import { codedError } from '../../errors.js';
import type { CoreHost } from '../../host.js';
import type { DomainHandlers } from './domainHandlers.js';
import type { appOperations } from '../../../../shared/contract/app.js';
import type { Services } from './services.js';

/** The one explanation of how secrets are kept; with a weak box the store saves none (see ConnectionStore). */
function secretStorageExplanation(host: CoreHost): Pick<SecretStorageInfo, 'explanation' | 'explanationCode' | 'explanationParams'> {
  const code = host.secretBox.strong
    ? 'coreConnections:secretStorage.strong'
    : host.platform === 'linux'
      ? 'coreConnections:secretStorage.weakLinux'
      : 'coreConnections:secretStorage.weak';
  const params = { backend: host.secretBox.backend };
  return { explanation: englishMessage(code, params), explanationCode: code, explanationParams: params };
}

export function appHandlers({ host, preferences }: Services): DomainHandlers<typeof appOperations> {
  return {
    'app:info': () => ({
      version: host.appVersion,
      platform: host.platform,
      secretStorage: {
        strong: host.secretBox.strong,
        backend: host.secretBox.backend,
        ...secretStorageExplanation(host),
      },
      language: { setting: preferences.get().language, system: host.systemLanguages ?? [] },
    }),
    'app:setLanguage': ({ setting }) => preferences.setLanguage(setting),
    'dialog:chooseFolder': ({ title }) => host.dialogs.chooseFolder(title),
    'app:copyText': async ({ text }) => {
      if (!host.copyText) throw codedError('unsupported', 'coreIpc:desktopOnly.copyText');
      await host.copyText(text);
    },
  };
}
