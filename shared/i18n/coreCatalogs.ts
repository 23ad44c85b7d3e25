/**
 * The English catalogs of the sentences the core makes (errors, notes), by namespace: one per
 * area of `electron/core` (`coreS3` for `s3/`...), `errors` for what all areas share. The
 * core process has no bundler glob, so each is named here.
 */
import coreBuckets from './locales/en/coreBuckets.json' with { type: 'json' };
import coreConnections from './locales/en/coreConnections.json' with { type: 'json' };
import coreFs from './locales/en/coreFs.json' with { type: 'json' };
import coreIpc from './locales/en/coreIpc.json' with { type: 'json' };
import coreLocal from './locales/en/coreLocal.json' with { type: 'json' };
import coreNet from './locales/en/coreNet.json' with { type: 'json' };
import corePreview from './locales/en/corePreview.json' with { type: 'json' };
import coreS3 from './locales/en/coreS3.json' with { type: 'json' };
import coreSearch from './locales/en/coreSearch.json' with { type: 'json' };
import coreSftp from './locales/en/coreSftp.json' with { type: 'json' };
import coreSync from './locales/en/coreSync.json' with { type: 'json' };
import coreTransfers from './locales/en/coreTransfers.json' with { type: 'json' };
import errors from './locales/en/errors.json' with { type: 'json' };

export const englishCoreCatalogs = { errors, coreBuckets, coreConnections, coreFs, coreIpc, coreLocal, coreNet, corePreview, coreS3, coreSearch, coreSftp, coreSync, coreTransfers };
