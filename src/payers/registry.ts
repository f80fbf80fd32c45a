import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError, LoadError, type LoadIssue } from '../errors.js';
import { formatPath } from '../load/located-yaml.js';
import { suggestKey } from '../load/zod-issues.js';
import { explainChain, type ProfileExplanation, toResolvedProfile } from './inheritance.js';
import type { ProfileDocument } from './profile-file.js';
import { BUILT_IN_PROFILES_DIR, listProfileFiles, readProfileFiles } from './profile-folder.js';
import type { ResolvedProfile } from './resolved-profile.js';

/**
 * The payer profiles in force: the built-in ones, with a user's folder layered over them. A
 * profile id may have several versions (files `<id>.yaml`, `<id>@<effective>.yaml`); a record is
 * judged by the version in effect on its plan date, and on a date before a profile's first
 * version, by that first version.
 */

/** One version of a profile, as `profiles list` shows it. */
export interface ProfileVersionInfo {
  readonly id: string;
  readonly name: string;
  readonly effective: string;
  readonly abstract: boolean;
  readonly extends?: string;
  /** The file as messages name it. */
  readonly file: string;
  readonly origin: string;
  readonly sourceCount: number;
}

/** The profiles a command judges records by. */
export interface ProfileRegistry {
  /** Every visible profile version, by id then effective date. */
  list(): readonly ProfileVersionInfo[];
  /** The ids records may name in coverage.payer (abstract profiles excluded), sorted. */
  payerIds(): readonly string[];
  /**
   * The profile a record naming `payerId` is judged by on `onDate` (its plan date). Throws
   * InputError for an unknown or abstract id.
   */
  resolve(payerId: string, onDate: string): ResolvedProfile;
  /** Every value of a profile (abstract ones too) with where it comes from. Throws InputError for an unknown id. */
  explain(id: string, onDate: string): ProfileExplanation;
  /**
   * A profile file resolved over the registry (its parents come from here), on `onDate` or else
   * its own effective date. Throws LoadError/InputError.
   */
  resolveFile(file: string, onDate?: string): Promise<ResolvedProfile>;
  /** Like resolveFile, with every value's provenance; abstract profiles allowed. */
  explainFile(file: string, onDate?: string): Promise<ProfileExplanation>;
}

/** Where the profiles come from besides the built-in ones, and how messages name files. */
export interface ProfileRegistryOptions {
  /** A folder of profiles layered over the built-in ones (`--profiles DIR`). */
  readonly userDir?: string;
  /** Paths in messages are written relative to this folder when given. */
  readonly cwd?: string;
}

/** Loads the built-in profiles and the user's folder over them. Throws LoadError listing every problem. */
export async function loadProfileRegistry(options: ProfileRegistryOptions = {}): Promise<ProfileRegistry> {
  const layers = await readProfileLayers(options);
  const { registry, issues } = buildRegistry(layers.profiles, options.cwd);
  const all = [...layers.issues, ...issues];
  if (all.length > 0) throw new LoadError(all);
  return registry;
}

/** How messages name a file: relative to `cwd` when given. */
export function fileLabel(file: string, cwd: string | undefined): string {
  return cwd ? path.relative(cwd, file) || file : file;
}

/** Reads the built-in layer and the user's layer, collecting every file's problems. */
export async function readProfileLayers(
  options: ProfileRegistryOptions,
): Promise<{ profiles: ProfileDocument[][]; issues: LoadIssue[] }> {
  const builtInDir = fileURLToPath(BUILT_IN_PROFILES_DIR);
  const builtIn = await readProfileFiles(await listProfileFiles(builtInDir), 'built-in', (file) =>
    path.posix.join('payers', path.basename(file)),
  );
  const profiles = [[...builtIn.profiles]];
  const issues = [...builtIn.issues];
  if (options.userDir !== undefined) {
    const label = (file: string) => fileLabel(file, options.cwd);
    const user = await readProfileFiles(await listProfileFiles(options.userDir, label(options.userDir)), 'user', label);
    profiles.push([...user.profiles]);
    issues.push(...user.issues);
  }
  return { profiles, issues };
}

type Versions = readonly ProfileDocument[];

/** The version in effect on a date: the latest effective on or before it, else the first. */
function versionOn(versions: Versions, date: string): ProfileDocument {
  let chosen = versions[0] as ProfileDocument;
  for (const version of versions) if (version.data.effective <= date) chosen = version;
  return chosen;
}

function issueAt(doc: ProfileDocument, keys: readonly PropertyKey[], message: string): LoadIssue {
  return { file: doc.file, ...doc.locate(keys), path: formatPath(keys), code: 'reference', message };
}

/**
 * Builds a registry from layers of profiles, lowest first: a higher layer's profile replaces every
 * version of the same id below it. Problems that need several profiles (duplicate versions,
 * unknown parents, extends loops, values nothing sets) are returned, not thrown, so lint can show
 * them all; the registry serves the profiles that are sound.
 */
export function buildRegistry(
  layers: readonly (readonly ProfileDocument[])[],
  cwd?: string,
): {
  registry: ProfileRegistry;
  issues: LoadIssue[];
} {
  const issues: LoadIssue[] = [];
  const byLayer = layers.map((docs) => {
    const ids = new Map<string, ProfileDocument[]>();
    for (const doc of docs) {
      const versions = ids.get(doc.data.id) ?? [];
      const twin = versions.find((v) => v.data.effective === doc.data.effective);
      if (twin) {
        issues.push(
          issueAt(doc, ['effective'], `${twin.file} is already the version of ${doc.data.id} effective on this date`),
        );
        continue;
      }
      versions.push(doc);
      ids.set(doc.data.id, versions);
    }
    for (const versions of ids.values()) versions.sort((a, b) => (a.data.effective < b.data.effective ? -1 : 1));
    return ids;
  });
  const layerOf = new Map<ProfileDocument, number>();
  byLayer.forEach((ids, layer) => {
    for (const versions of ids.values()) for (const doc of versions) layerOf.set(doc, layer);
  });

  /** The versions of an id in the highest layer below `belowLayer` that has it. */
  const visible = (id: string, belowLayer = byLayer.length): Versions | undefined => {
    for (let layer = belowLayer - 1; layer >= 0; layer--) {
      const versions = byLayer[layer]?.get(id);
      if (versions) return versions;
    }
    return undefined;
  };
  /** The parent versions a profile extends: its own id means the profile it replaces, in a lower layer. */
  const parentVersions = (doc: ProfileDocument): Versions | undefined => {
    const parent = doc.data.extends;
    if (parent === undefined) return undefined;
    return parent === doc.data.id ? visible(parent, layerOf.get(doc) ?? 0) : visible(parent);
  };
  const topIds = [...new Set(byLayer.flatMap((ids) => [...ids.keys()]))].sort();
  const broken = new Set<ProfileDocument>();

  for (const ids of byLayer) {
    for (const versions of ids.values()) {
      for (const doc of versions) {
        if (doc.data.extends === undefined || parentVersions(doc)) continue;
        broken.add(doc);
        const suggestion = suggestKey(doc.data.extends, topIds);
        const hint =
          doc.data.extends === doc.data.id
            ? '; a profile extends its own id only to build on the built-in profile it replaces'
            : suggestion
              ? `; did you mean "${suggestion}"?`
              : `; known: ${topIds.join(', ')}`;
        issues.push(issueAt(doc, ['extends'], `extends "${doc.data.extends}", which is not a known profile${hint}`));
      }
    }
  }
  for (const loop of findLoops(byLayer, parentVersions)) {
    for (const doc of loop.members) broken.add(doc);
    issues.push(issueAt(loop.at, ['extends'], `extends loop: ${loop.names.join(' -> ')}`));
  }

  const chainOf = (doc: ProfileDocument, date: string): ProfileDocument[] => {
    const chain = [doc];
    for (let parents = parentVersions(doc); parents; ) {
      const parent = versionOn(parents, date);
      if (chain.includes(parent)) break;
      chain.push(parent);
      parents = parentVersions(parent);
    }
    return chain;
  };
  const sound = (chain: readonly ProfileDocument[]) => chain.every((doc) => !broken.has(doc));

  // Every payer version must be complete on every date a version in its chain could change.
  const allDates = [...new Set(layers.flat().map((doc) => doc.data.effective))].sort();
  for (const id of topIds) {
    const versions = visible(id) ?? [];
    versions.forEach((doc, i) => {
      if (doc.data.abstract) return;
      // The first version also judges every earlier date, when its parents may be older versions.
      const from = i === 0 ? '' : doc.data.effective;
      const until = versions[i + 1]?.data.effective;
      const dates = allDates.filter((d) => d >= from && (until === undefined || d < until));
      const reported = new Set<string>();
      for (const date of [doc.data.effective, ...dates]) {
        const chain = chainOf(doc, date);
        if (!sound(chain)) return;
        for (const missing of explainChain(chain).missing) {
          if (reported.has(missing)) continue;
          reported.add(missing);
          const via = chain.map((d) => d.data.id).join(' -> ');
          const keys = doc.data.extends === undefined ? ['id'] : ['extends'];
          issues.push(
            issueAt(
              doc,
              keys,
              `${missing} is set neither here nor in any profile it extends (${via}); set it, or extend base`,
            ),
          );
        }
      }
    });
  }

  const cache = new Map<string, ResolvedProfile>();
  const versionsOf = (id: string): Versions => {
    const versions = visible(id);
    if (!versions) {
      const suggestion = suggestKey(id, payerIds());
      throw new InputError(
        `unknown payer profile: ${id}${suggestion ? ` (did you mean ${suggestion}?)` : ''}; known: ${payerIds().join(', ')}`,
      );
    }
    return versions;
  };
  const payerIds = () => topIds.filter((id) => (visible(id) ?? []).some((doc) => !doc.data.abstract));
  const explainSound = (id: string, onDate: string): ProfileExplanation => {
    const chain = chainOf(versionOn(versionsOf(id), onDate), onDate);
    if (!sound(chain)) throw new LoadError(issues.filter((issue) => chain.some((doc) => doc.file === issue.file)));
    return explainChain(chain);
  };
  const resolveExplained = (explanation: ProfileExplanation): ResolvedProfile => {
    if (explanation.abstract) {
      throw new InputError(
        `${explanation.id} is a shared base that payer profiles extend, not a payer; known: ${payerIds().join(', ')}`,
      );
    }
    if (explanation.missing.length > 0) {
      throw new LoadError([
        issueAt(explanation.chain[0] as ProfileDocument, ['id'], `${explanation.missing.join(', ')} not set`),
      ]);
    }
    return toResolvedProfile(explanation);
  };

  const registry: ProfileRegistry = {
    list: () =>
      topIds.flatMap((id) =>
        (visible(id) ?? []).map((doc) => ({
          id,
          name: doc.data.name,
          effective: doc.data.effective,
          abstract: doc.data.abstract === true,
          ...(doc.data.extends === undefined ? {} : { extends: doc.data.extends }),
          file: doc.file,
          origin: doc.origin,
          sourceCount: doc.data.sources?.length ?? 0,
        })),
      ),
    payerIds,
    resolve(payerId, onDate) {
      const chain = chainOf(versionOn(versionsOf(payerId), onDate), onDate);
      const key = chain.map((doc) => doc.origin).join('<');
      let resolved = cache.get(key);
      if (!resolved) {
        resolved = resolveExplained(explainSound(payerId, onDate));
        cache.set(key, resolved);
      }
      return resolved;
    },
    explain: explainSound,
    async resolveFile(file, onDate) {
      return resolveExplained(await registry.explainFile(file, onDate));
    },
    async explainFile(file, onDate) {
      const read = await readProfileFiles([file], 'user', (name) => fileLabel(name, cwd));
      if (read.issues.length > 0) throw new LoadError(read.issues);
      const doc = read.profiles[0] as ProfileDocument;
      const over = buildRegistry([...layers, [doc]], cwd);
      const own = over.issues.filter((issue) => issue.file === doc.file);
      if (own.length > 0) throw new LoadError(own);
      return over.registry.explain(doc.data.id, onDate ?? doc.data.effective);
    },
  };
  return { registry, issues };
}

interface ExtendsLoop {
  readonly at: ProfileDocument;
  readonly members: readonly ProfileDocument[];
  readonly names: readonly string[];
}

/** Cycles of `extends` among all versions, each reported once, at the profile that closes it. */
function findLoops(
  byLayer: readonly ReadonlyMap<string, ProfileDocument[]>[],
  parentVersions: (doc: ProfileDocument) => Versions | undefined,
): ExtendsLoop[] {
  const loops: ExtendsLoop[] = [];
  const done = new Set<ProfileDocument>();
  const visit = (doc: ProfileDocument, path: ProfileDocument[]): void => {
    if (done.has(doc)) return;
    const index = path.indexOf(doc);
    if (index >= 0) {
      const members = path.slice(index);
      const closing = members.at(-1) as ProfileDocument;
      loops.push({ at: closing, members, names: [...members, doc].map((d) => d.data.id) });
      return;
    }
    for (const parent of parentVersions(doc) ?? []) visit(parent, [...path, doc]);
    done.add(doc);
  };
  for (const ids of byLayer) for (const versions of ids.values()) for (const doc of versions) visit(doc, []);
  return loops;
}
