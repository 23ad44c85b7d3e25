import { beforeAll, describe, expect, it } from 'vitest';
import { setLanguage, startI18n } from '../../renderer/src/i18n/i18n.js';
import type { LifecycleRule } from '../../shared/buckets.js';
import { corsProblems, describeCorsRule, fromCorsDraft, newCorsDraft, originProblem, toCorsDraft } from '../../renderer/src/features/buckets/corsDraft.js';
import {
  fromLifecycleDraft,
  hasProblems,
  lifecycleProblems,
  newLifecycleDraft,
  toLifecycleDraft,
  type LifecycleDraft,
} from '../../renderer/src/features/buckets/lifecycleDraft.js';
import { describeLifecycleRule } from '../../renderer/src/features/buckets/lifecycleSummary.js';
import {
  describeRoutingRule,
  fromRoutingDraft,
  newRoutingDraft,
  routingHasProblems,
  routingProblems,
  toRoutingDraft,
} from '../../renderer/src/features/buckets/routingDraft.js';

const rule = (patch: Partial<LifecycleDraft>): LifecycleDraft => ({ ...toLifecycleDraft({ id: 'r', enabled: true }), expirationDays: '365', ...patch });
const problemsOf = (patch: Partial<LifecycleDraft>) => lifecycleProblems([rule(patch)])[0]!;

// The drafts' problems and summaries are sentences of the catalogs, in English unless a test switches.
beforeAll(() => startI18n('en'));

describe('lifecycle rule drafts', () => {
  it('round-trips every field of a rule, including a prefix-and-tag filter', () => {
    const full: LifecycleRule = {
      id: 'archive-logs',
      enabled: false,
      prefix: 'logs/',
      tag: { key: 'tier', value: 'cold' },
      transitions: [
        { days: 30, storageClass: 'STANDARD_IA' },
        { days: 90, storageClass: 'GLACIER' },
      ],
      expirationDays: 365,
      noncurrentExpirationDays: 30,
      abortIncompleteMultipartDays: 7,
    };
    const draft = toLifecycleDraft(full);
    expect(draft.filter).toBe('prefixAndTag');
    expect(fromLifecycleDraft(draft)).toEqual(full);
    expect(hasProblems(lifecycleProblems([draft])[0]!)).toBe(false);
    expect(fromLifecycleDraft(toLifecycleDraft({ id: 'all', enabled: true, expirationDays: 3 }))).toEqual({ id: 'all', enabled: true, expirationDays: 3 });
  });

  it('lists transitions by day whatever order the server hands them back in', () => {
    const draft = toLifecycleDraft({ id: 'r', enabled: true, transitions: [{ days: 90, storageClass: 'GLACIER' }, { days: 30, storageClass: 'STANDARD_IA' }] });
    expect(draft.transitions).toEqual([{ days: '30', storageClass: 'STANDARD_IA' }, { days: '90', storageClass: 'GLACIER' }]);
    expect(lifecycleProblems([draft])[0]!.transitions).toEqual([undefined, undefined]);
  });

  it('drops the filter fields the chosen filter does not use', () => {
    const draft = rule({ filter: 'all', prefix: 'logs/', tagKey: 'a', tagValue: 'b' });
    expect(fromLifecycleDraft(draft)).toEqual({ id: 'r', enabled: true, expirationDays: 365 });
    expect(fromLifecycleDraft({ ...draft, filter: 'tag' })).toEqual({ id: 'r', enabled: true, tag: { key: 'a', value: 'b' }, expirationDays: 365 });
  });

  it('starts a new rule with an unused ID and an action, so it is valid at once', () => {
    const draft = newLifecycleDraft(['rule-2', 'x']);
    expect(draft.id).toBe('rule-3');
    expect(hasProblems(lifecycleProblems([draft])[0]!)).toBe(false);
  });

  it('wants a non-empty, unique ID of at most 255 characters', () => {
    expect(problemsOf({ id: '  ' }).id).toBe('Give the rule an ID, such as archive-logs.');
    expect(problemsOf({ id: 'x'.repeat(256) }).id).toBe('Rule IDs are at most 255 characters long.');
    expect(problemsOf({ id: 'x'.repeat(255) }).id).toBeUndefined();
    const [first, second] = lifecycleProblems([rule({ id: 'same' }), rule({ id: ' same ' })]);
    expect(first!.id).toBeUndefined();
    expect(second!.id).toBe('Another rule above is already called “same”.');
  });

  it('wants positive whole days in the day fields', () => {
    expect(problemsOf({ expirationDays: '0' }).expirationDays).toBe('Enter 1 day or more.');
    expect(problemsOf({ expirationDays: '1.5' }).expirationDays).toBe('Enter a whole number of days, such as 30.');
    expect(problemsOf({ noncurrentExpirationDays: '-3' }).noncurrentExpirationDays).toBe('Enter a whole number of days, such as 30.');
    expect(problemsOf({ abortIncompleteMultipartDays: '36501' }).abortIncompleteMultipartDays).toBe('At most 36,500 days (100 years).');
    expect(hasProblems(problemsOf({ expirationDays: '', abortIncompleteMultipartDays: '7' }))).toBe(false);
  });

  it('needs at least one action', () => {
    expect(problemsOf({ expirationDays: '' }).rule).toMatch(/^Add at least one action/);
    expect(problemsOf({ expirationDays: '', transitions: [{ days: '0', storageClass: 'GLACIER' }] }).rule).toBeUndefined();
  });

  it('needs the prefix or tag key the filter names', () => {
    expect(problemsOf({ filter: 'prefix', prefix: '' }).prefix).toBe('Enter the prefix, such as logs/, or choose Whole bucket.');
    expect(problemsOf({ filter: 'tag', tagKey: ' ' }).tagKey).toBe('Enter the tag key.');
    expect(problemsOf({ filter: 'prefixAndTag', prefix: 'a/', tagKey: 'k' }).tagKey).toBeUndefined();
  });

  it('checks transitions the way S3 does', () => {
    const t = (...rows: [number | string, string][]) =>
      problemsOf({ expirationDays: '', transitions: rows.map(([days, storageClass]) => ({ days: String(days), storageClass })) }).transitions;
    expect(t([0, 'GLACIER'], [90, 'DEEP_ARCHIVE'])).toEqual([undefined, undefined]);
    expect(t([29, 'STANDARD_IA'])).toEqual(['S3 moves objects to Standard-IA after 30 days at the earliest.']);
    expect(t([10, 'ONEZONE_IA'])).toEqual(['S3 moves objects to One Zone-IA after 30 days at the earliest.']);
    expect(t(['', 'GLACIER'])).toEqual(['Enter after how many days objects move.']);
    expect(t([90, 'GLACIER'], [120, 'STANDARD_IA'])[1]).toBe('Objects cannot move from Glacier Flexible back to Standard-IA: list colder classes further down.');
    expect(t([30, 'GLACIER'], [60, 'GLACIER'])[1]).toBe('Objects already move to Glacier Flexible above: choose another class.');
    expect(t([30, 'STANDARD_IA'], [45, 'GLACIER'])[1]).toBe('Objects stay in Standard-IA for 30 days before moving on: enter 60 days or more.');
    expect(t([60, 'INTELLIGENT_TIERING'], [60, 'GLACIER'])[1]).toBe('Enter more days than the transition above (60).');
  });

  it('expires objects only after their last transition', () => {
    const transitions = [{ days: '30', storageClass: 'STANDARD_IA' }, { days: '90', storageClass: 'GLACIER' }];
    expect(problemsOf({ transitions, expirationDays: '90' }).expirationDays).toBe('Objects move until day 90: expire them later than that.');
    expect(problemsOf({ transitions, expirationDays: '91' }).expirationDays).toBeUndefined();
  });
});

describe('lifecycle rule summaries', () => {
  it('says in one sentence what happens to which objects', () => {
    expect(describeLifecycleRule({ id: 'a', enabled: true, prefix: 'logs/', transitions: [{ days: 30, storageClass: 'GLACIER' }], expirationDays: 365 })).toBe(
      'Objects under logs/ move to Glacier Flexible after 30 days and are deleted after 365 days.',
    );
    expect(
      describeLifecycleRule({
        id: 'b',
        enabled: true,
        tag: { key: 'tier', value: 'cold' },
        transitions: [
          { days: 30, storageClass: 'STANDARD_IA' },
          { days: 90, storageClass: 'DEEP_ARCHIVE' },
        ],
        noncurrentExpirationDays: 1,
        abortIncompleteMultipartDays: 7,
      }),
    ).toBe(
      'Objects tagged tier=cold move to Standard-IA after 30 days and then to Glacier Deep Archive after 90 days; old versions are deleted 1 day after being replaced; unfinished uploads are aborted after 7 days.',
    );
    expect(describeLifecycleRule({ id: 'c', enabled: true, abortIncompleteMultipartDays: 2 })).toBe('For all objects, unfinished uploads are aborted after 2 days.');
    expect(describeLifecycleRule({ id: 'd', enabled: true, prefix: 'p/', tag: { key: 'k', value: 'v' }, expirationDays: 1000 })).toBe(
      'Objects under p/ tagged k=v are deleted after 1,000 days.',
    );
    expect(describeLifecycleRule({ id: 'e', enabled: true })).toBe('All objects: nothing happens yet; add an action.');
  });

  it('says it in Spanish as whole sentences, with Spanish plurals and lists', async () => {
    await setLanguage('es');
    try {
      expect(
        describeLifecycleRule({
          id: 'b',
          enabled: true,
          tag: { key: 'tier', value: 'cold' },
          transitions: [
            { days: 30, storageClass: 'STANDARD_IA' },
            { days: 90, storageClass: 'DEEP_ARCHIVE' },
          ],
          expirationDays: 1,
          noncurrentExpirationDays: 1,
        }),
      ).toBe(
        'Los objetos con la etiqueta tier=cold pasan a Estándar-IA después de 30 días, luego a Glacier Deep Archive después de 90 días y se eliminan después de 1 día; las versiones anteriores se eliminan 1 día después de ser reemplazadas.',
      );
      expect(describeLifecycleRule({ id: 'c', enabled: true, abortIncompleteMultipartDays: 2 })).toBe(
        'Para todos los objetos, las cargas multiparte incompletas se cancelan después de 2 días.',
      );
      expect(describeLifecycleRule({ id: 'e', enabled: true, prefix: 'logs/' })).toBe('Los objetos con el prefijo logs/: todavía no pasa nada; añade una acción.');
      expect(problemsOf({ expirationDays: '0' }).expirationDays).toBe('Escribe 1 día o más.');
    } finally {
      await setLanguage('en');
    }
  });
});

describe('CORS rule drafts', () => {
  it('round-trips a rule, one origin or header a line', () => {
    const full = {
      allowedOrigins: ['https://app.example.com', 'http://localhost:3000'],
      allowedMethods: ['GET' as const, 'PUT' as const],
      allowedHeaders: ['*'],
      exposeHeaders: ['ETag', 'x-amz-request-id'],
      maxAgeSeconds: 600,
    };
    const draft = toCorsDraft(full);
    expect(draft.origins).toBe('https://app.example.com\nhttp://localhost:3000');
    expect(fromCorsDraft({ ...draft, origins: ` ${draft.origins}\n\n` })).toEqual(full);
    expect(fromCorsDraft({ ...toCorsDraft({ allowedOrigins: ['*'], allowedMethods: ['HEAD', 'GET'] }) })).toEqual({ allowedOrigins: ['*'], allowedMethods: ['GET', 'HEAD'] });
  });

  it.each(['*', 'https://app.example.com', 'http://localhost:8080', 'https://*.example.com', 'app-scheme://host'])('accepts the origin %s', (origin) => {
    expect(originProblem(origin)).toBeNull();
  });

  it.each([
    ['https://*.*.example.com', '“https://*.*.example.com” has more than one *: S3 allows one wildcard per origin.'],
    ['example.com', '“example.com” is not an origin: enter * or scheme://host[:port], such as https://app.example.com (no path).'],
    ['https://example.com/app', '“https://example.com/app” is not an origin: enter * or scheme://host[:port], such as https://app.example.com (no path).'],
    ['https://example.com:70000', '“https://example.com:70000” has a port above 65535.'],
  ])('rejects the origin %s', (origin, problem) => {
    expect(originProblem(origin)).toBe(problem);
  });

  it('needs an origin and a method, and names bad headers and ages', () => {
    const empty = corsProblems({ ...newCorsDraft(), methods: [] });
    expect(empty.origins).toBe('Enter at least one origin, such as https://app.example.com, or * for any site.');
    expect(empty.methods).toBe('Choose at least one method.');
    const bad = corsProblems({ ...newCorsDraft(), origins: 'https://ok.example\nnope', allowedHeaders: 'x-a*-b*', exposeHeaders: 'Content Type', maxAgeSeconds: '1.5' });
    expect(bad.origins).toMatch(/^“nope” is not an origin/);
    expect(bad.allowedHeaders).toBe('“x-a*-b*” has more than one *: S3 allows one wildcard per header.');
    expect(bad.exposeHeaders).toBe('“Content Type” is not a header name (letters, digits and - only, no spaces or colons).');
    expect(bad.maxAgeSeconds).toBe('Enter a whole number of seconds, such as 3000.');
    expect(Object.values(corsProblems({ ...newCorsDraft(), origins: '*' })).filter(Boolean)).toEqual([]);
  });

  it('says what a rule allows', () => {
    expect(describeCorsRule({ allowedOrigins: ['https://a.example', 'https://b.example'], allowedMethods: ['GET', 'PUT'], allowedHeaders: ['*'], maxAgeSeconds: 3000 })).toBe(
      'Pages on https://a.example and https://b.example can send GET and PUT requests with any header, and browsers remember this for 3,000 seconds.',
    );
    expect(describeCorsRule({ allowedOrigins: ['*'], allowedMethods: ['GET'], exposeHeaders: ['ETag'] })).toBe('Pages on any site can send GET requests, read ETag in answers.');
  });
});

describe('website routing rule drafts', () => {
  it('round-trips the condition and redirect fields S3 knows', () => {
    const rules = [
      { Condition: { KeyPrefixEquals: 'docs/' }, Redirect: { ReplaceKeyPrefixWith: 'documents/' } },
      { Condition: { HttpErrorCodeReturnedEquals: '404' }, Redirect: { HostName: 'example.com', Protocol: 'https' as const, ReplaceKeyWith: 'missing.html', HttpRedirectCode: '302' } },
      { Condition: { KeyPrefixEquals: 'old/', HttpErrorCodeReturnedEquals: '403' }, Redirect: { ReplaceKeyPrefixWith: '' } },
      { Redirect: { Protocol: 'https' as const } },
    ];
    for (const r of rules) expect(fromRoutingDraft(toRoutingDraft(r))).toEqual(r);
  });

  it('checks the condition and the target as you type', () => {
    const start = newRoutingDraft();
    expect(routingProblems(start).keyPrefix).toBe('Enter the key prefix, such as docs/.');
    expect(routingHasProblems(routingProblems({ ...start, keyPrefix: 'docs/' }))).toBe(false);
    const p = routingProblems({ ...start, condition: 'error', errorCode: '302', hostName: 'https://x.example', keyChange: 'key', replaceWith: ' ' });
    expect(p.errorCode).toBe('Enter an HTTP error code from 400 to 599, such as 404.');
    expect(p.hostName).toBe('Enter only the host name, such as www.example.com; choose the protocol beside it.');
    expect(p.replaceWith).toBe('Enter the key to send visitors to, such as error.html.');
    expect(routingProblems({ ...start, keyPrefix: 'a/', keyChange: 'keep' }).rule).toBe(
      'Say where to redirect: a host name, a protocol, a new key or prefix, or a redirect code.',
    );
    expect(routingProblems({ ...start, keyPrefix: 'a/', keyChange: 'keep', hostName: 'bad host' }).hostName).toBe('“bad host” is not a host name, such as www.example.com.');
  });

  it('says what a rule does', () => {
    expect(describeRoutingRule({ Condition: { KeyPrefixEquals: 'docs/' }, Redirect: { ReplaceKeyPrefixWith: 'documents/' } })).toBe(
      'Requests for keys under docs/ are redirected to documents/… (301).',
    );
    expect(describeRoutingRule({ Condition: { HttpErrorCodeReturnedEquals: '404' }, Redirect: { HostName: 'example.com', Protocol: 'https', HttpRedirectCode: '302' } })).toBe(
      'Requests that fail with 404 are redirected on example.com over https (302).',
    );
    expect(describeRoutingRule({ Redirect: { ReplaceKeyWith: 'index.html' } })).toBe('Every request is redirected to index.html (301).');
  });
});
