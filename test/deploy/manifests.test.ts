// The deployment files (docker/, k8s/, .github/workflows/) must agree with the applications they run:
// ports and probe paths, environment variable names and values (AppConfig is the one list), the entry points
// of package.json, the graceful-shutdown timing, and the references between the manifests themselves.
// Pure file parsing: no Docker engine and no cluster needed.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, resolve } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { AppConfig, loadConfig } from '@app/common';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const root = process.cwd();
const abs = (path: string) => resolve(root, path);
const read = (path: string) => readFileSync(abs(path), 'utf8');

// ---- the application's side ---------------------------------------------------------------------------------

/** Every setting the apps read: the properties of AppConfig (with or without a default). */
const CONFIG_KEYS = new Set<string>([
  ...Object.keys(new AppConfig()),
  ...getMetadataStorage()
    .getTargetValidationMetadatas(AppConfig, '', true, false)
    .map((m) => m.propertyName),
]);

/** The settings the apps refuse to start without: what loadConfig reports missing from an empty environment. */
const REQUIRED_KEYS: string[] = (() => {
  try {
    loadConfig({});
  } catch (error) {
    return [...(error as Error).message.matchAll(/^\s+(\w+):/gm)].map((m) => m[1]).filter((key) => CONFIG_KEYS.has(key));
  }
  return [];
})();

const packageJson = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
/** The command line of an npm script, without the `npm run build &&` preamble: ['node', 'dist/...js', ...]. */
function scriptCommand(name: string): string[] {
  const script = packageJson.scripts[name];
  expect(script, `package.json script ${name}`).toBeTypeOf('string');
  return script.split('&&').pop()!.trim().split(/\s+/);
}

interface App {
  name: 'api' | 'worker';
  deployment: string;
  portKey: 'API_PORT' | 'WORKER_PORT';
  startScript: string;
  dockerfile: string;
}
const APPS: App[] = [
  { name: 'api', deployment: 'pets-api', portKey: 'API_PORT', startScript: 'start:api', dockerfile: 'docker/api.Dockerfile' },
  { name: 'worker', deployment: 'pets-worker', portKey: 'WORKER_PORT', startScript: 'start:worker', dockerfile: 'docker/worker.Dockerfile' },
];
const MIGRATE_COMMAND = scriptCommand('db:migrate');

// ---- YAML ---------------------------------------------------------------------------------------------------

function yamlDocuments(path: string): Obj[] {
  const docs = parseAllDocuments(read(path));
  const list = Array.isArray(docs) ? docs : [docs];
  for (const doc of list)
    expect(
      doc.errors.map((e) => e.message),
      `YAML errors in ${path}`,
    ).toEqual([]);
  return list.map((doc) => doc.toJS() as Obj).filter((doc) => doc != null);
}

interface Manifest {
  file: string;
  doc: Obj;
}

function kustomization(dir: string): Obj {
  return yamlDocuments(join(dir, 'kustomization.yaml'))[0];
}

/** The resources a kustomization directory lists, recursively, before patches. */
function kustomizeResources(dir: string): Manifest[] {
  const out: Manifest[] = [];
  for (const entry of (kustomization(dir).resources ?? []) as string[]) {
    const path = normalize(join(dir, entry));
    if (!existsSync(abs(path))) continue; // reported by the listing tests, not as a crash of the whole file
    if (statSync(abs(path)).isDirectory()) out.push(...kustomizeResources(path));
    else for (const doc of yamlDocuments(path)) out.push({ file: path, doc });
  }
  return out;
}

const BASE = 'k8s/base';
const OVERLAYS = existsSync(abs('k8s/overlays'))
  ? readdirSync(abs('k8s/overlays'))
      .map((name) => `k8s/overlays/${name}`)
      .filter((dir) => existsSync(abs(join(dir, 'kustomization.yaml'))))
  : [];
const base = kustomizeResources(BASE);
const find = (kind: string, name?: string) =>
  base.filter((m) => m.doc.kind === kind && (name === undefined || m.doc.metadata?.name === name)).map((m) => m.doc);
const one = (kind: string, name: string): Obj => {
  const found = find(kind, name);
  expect(found, `${kind}/${name} in ${BASE}`).toHaveLength(1);
  return found[0];
};
const secretExample = yamlDocuments(`${BASE}/secret.example.yaml`)[0];

/** ConfigMap data merged with an overlay's ConfigMap patches (strategic merge of `data` is a plain merge). */
function configMapData(name: string, overlay?: string): Record<string, string> {
  const data: Record<string, string> = { ...(one('ConfigMap', name).data ?? {}) };
  if (overlay) {
    for (const patch of overlayPatches(overlay)) {
      if (patch.doc.kind === 'ConfigMap' && patch.doc.metadata?.name === name) Object.assign(data, patch.doc.data ?? {});
    }
  }
  return data;
}

function overlayPatches(dir: string): Manifest[] {
  const out: Manifest[] = [];
  for (const patch of (kustomization(dir).patches ?? []) as Obj[]) {
    if (patch.path) for (const doc of yamlDocuments(join(dir, patch.path))) out.push({ file: join(dir, patch.path), doc });
  }
  return out;
}

type EnvSource = { value: string } | { secret: { name: string; key: string; optional: boolean } };

/** The environment a container gets: envFrom ConfigMaps first, then env entries (which win). */
function containerEnv(container: Obj, overlay?: string): Map<string, EnvSource> {
  const env = new Map<string, EnvSource>();
  for (const from of (container.envFrom ?? []) as Obj[]) {
    expect(from.secretRef, 'secrets are referenced key by key (secretKeyRef), never wholesale').toBeUndefined();
    if (from.configMapRef) for (const [key, value] of Object.entries(configMapData(from.configMapRef.name, overlay))) env.set(key, { value: String(value) });
  }
  for (const entry of (container.env ?? []) as Obj[]) {
    if (entry.valueFrom?.secretKeyRef) {
      const ref = entry.valueFrom.secretKeyRef;
      env.set(entry.name, { secret: { name: ref.name, key: ref.key, optional: ref.optional === true } });
    } else if (entry.valueFrom) {
      throw new Error(`${entry.name}: only values, ConfigMaps and secretKeyRef are expected`);
    } else {
      env.set(entry.name, { value: String(entry.value ?? '') });
    }
  }
  return env;
}

/** What loadConfig makes of that environment, with the example Secret's values standing in for the real ones. */
function effectiveConfig(env: Map<string, EnvSource>): AppConfig {
  const plain: Record<string, string> = {};
  for (const [key, source] of env) {
    if ('value' in source) plain[key] = source.value;
    else if (secretExample.stringData?.[source.secret.key] !== undefined) plain[key] = String(secretExample.stringData[source.secret.key]);
  }
  return loadConfig(plain);
}

/** Pod templates of the base: the Deployments and the migration Job. */
const workloads = () => [...find('Deployment'), ...find('Job')];
const podSpec = (workload: Obj): Obj => workload.spec.template.spec;
const mainContainer = (workload: Obj): Obj => {
  const containers = podSpec(workload).containers as Obj[];
  expect(containers, `${workload.metadata.name} has one container`).toHaveLength(1);
  return containers[0];
};

function resolvePort(container: Obj, port: number | string): number {
  if (typeof port === 'number') return port;
  const named = (container.ports ?? []).find((p: Obj) => p.name === port);
  expect(named, `container port named ${port}`).toBeDefined();
  return named.containerPort;
}

const matches = (selector: Record<string, string>, labels: Record<string, string>) =>
  Object.keys(selector).length > 0 && Object.entries(selector).every(([key, value]) => labels?.[key] === value);

/** Seconds of a preStop hook that only sleeps (exec `sleep N` or the `sleep` action), else undefined. */
function preStopSleepSeconds(container: Obj): number | undefined {
  const preStop = container.lifecycle?.preStop;
  if (preStop?.sleep) return Number(preStop.sleep.seconds);
  const command = preStop?.exec?.command as string[] | undefined;
  if (!command) return undefined;
  const line = command.join(' ').replace(/^\/bin\/sh -c /, '');
  const match = /^(?:\/bin\/)?sleep (\d+(?:\.\d+)?)$/.exec(line.trim());
  return match ? Number(match[1]) : undefined;
}

function quantity(value: string | number): number {
  const match = /^(\d+(?:\.\d+)?)(m|Ki|Mi|Gi|Ti|k|M|G|T)?$/.exec(String(value));
  expect(match, `Kubernetes quantity ${value}`).not.toBeNull();
  const factor: Record<string, number> = { m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 };
  return Number(match![1]) * (match![2] ? factor[match![2]] : 1);
}

// ---- compose --------------------------------------------------------------------------------------------------

const COMPOSE = 'docker/compose.yaml';
const compose = parse(read(COMPOSE), { merge: true }) as Obj;
/** Compose interpolation of `${VAR:-default}`, `${VAR-default}` and `${VAR}` with an empty shell environment. */
const interpolate = (value: unknown) =>
  String(value)
    .replace(/\$\{(\w+)(?::?[-?]([^}]*))?\}/g, (_all, _name: string, fallback?: string) => fallback ?? '')
    .replace(/\$\$/g, '$');
const composeAppServices = () => Object.entries(compose.services as Record<string, Obj>).filter(([, service]) => service.build !== undefined);
function composeEnv(service: Obj): Record<string, string> {
  const env = service.environment ?? {};
  const entries: [string, unknown][] = Array.isArray(env)
    ? env.map((line: string) => line.split(/=(.*)/s).slice(0, 2) as [string, string])
    : Object.entries(env);
  return Object.fromEntries(entries.map(([key, value]) => [key, interpolate(value ?? '')]));
}
/** Container side of a compose port mapping: "127.0.0.1:3000:3000/tcp" -> 3000. */
const containerPortOf = (mapping: string | number | Obj) =>
  typeof mapping === 'object' ? Number(mapping.target) : Number(interpolate(mapping).split('/')[0].split(':').pop());
function durationMs(value: string): number {
  let total = 0;
  for (const [, amount, unit] of String(value).matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g))
    total += Number(amount) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[unit]!;
  return total;
}

// ---- Dockerfiles and their ignore files -------------------------------------------------------------------------

interface Instruction {
  keyword: string;
  args: string;
  stage: number;
}
interface Dockerfile {
  instructions: Instruction[];
  stages: { name?: string; image: string }[];
  final: Instruction[];
}

function parseDockerfile(path: string): Dockerfile {
  const logical: string[] = [];
  let pending = '';
  for (const raw of read(path).split('\n')) {
    const line = raw.trim();
    if (pending === '' && (line === '' || line.startsWith('#'))) continue;
    if (pending !== '' && line.startsWith('#')) continue;
    if (line.endsWith('\\')) pending += `${line.slice(0, -1)} `;
    else {
      logical.push(pending + line);
      pending = '';
    }
  }
  const args: Record<string, string> = {};
  const instructions: Instruction[] = [];
  const stages: Dockerfile['stages'] = [];
  for (const line of logical) {
    const [, keyword, rest] = /^(\S+)\s*(.*)$/s.exec(line)!;
    const upper = keyword.toUpperCase();
    if (upper === 'ARG' && stages.length === 0) {
      const [name, value] = rest.split('=');
      if (value !== undefined) args[name] = value.replace(/^"|"$/g, '');
    }
    if (upper === 'FROM') {
      const [image, , name] = rest.replace(/--platform=\S+\s+/, '').split(/\s+/);
      stages.push({ image: image.replace(/\$\{?(\w+)\}?/g, (_m, arg: string) => args[arg] ?? ''), name });
    }
    instructions.push({ keyword: upper, args: rest, stage: stages.length - 1 });
  }
  return { instructions, stages, final: instructions.filter((i) => i.stage === stages.length - 1) };
}

/** Docker's ignore-file semantics: last matching pattern wins, `!` re-includes, a match covers a directory's contents. */
function dockerIgnore(path: string): (file: string) => boolean {
  const rules = read(path)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const negate = line.startsWith('!');
      const pattern = normalize(negate ? line.slice(1) : line)
        .replace(/^\/+/, '')
        .replace(/\/+$/, '');
      const source = pattern
        .split('/')
        .map((part) =>
          part === '**'
            ? '(?:.*)'
            : part
                .replace(/[.+^${}()|[\]\\]/g, '\\$&')
                .replace(/\*/g, '[^/]*')
                .replace(/\?/g, '[^/]'),
        )
        .join('/')
        .replace(/\(\?:\.\*\)\//g, '(?:.*/)?')
        .replace(/\/\(\?:\.\*\)$/, '(?:/.*)?');
      return { negate, regex: new RegExp(`^${source}$`) };
    });
  return (file) => {
    const parts = normalize(file).split('/');
    const prefixes = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
    let ignored = false;
    for (const rule of rules) if (prefixes.some((prefix) => rule.regex.test(prefix))) ignored = !rule.negate;
    return ignored;
  };
}

const execForm = (args: string): string[] => {
  const parsed = JSON.parse(args) as unknown;
  expect(Array.isArray(parsed), `exec form (JSON array): ${args}`).toBe(true);
  return parsed as string[];
};

// =================================================================================================================

describe('AppConfig as the deployment files see it', () => {
  it('knows the settings and which ones have no default', () => {
    expect(CONFIG_KEYS.has('API_PORT') && CONFIG_KEYS.has('DB_PASSWORD')).toBe(true);
    expect(REQUIRED_KEYS.length).toBeGreaterThan(0);
    expect(REQUIRED_KEYS.every((key) => (new AppConfig() as unknown as Obj)[key] === undefined)).toBe(true);
  });
});

describe('Kubernetes base (k8s/base)', () => {
  it('lists only files that exist, and every manifest of the directory except the Secret example', () => {
    const listed = (kustomization(BASE).resources ?? []) as string[];
    expect(listed.length).toBeGreaterThan(0);
    for (const entry of listed) expect(existsSync(abs(join(BASE, entry))), `${BASE}/${entry}`).toBe(true);
    const manifests = readdirSync(abs(BASE)).filter((f) => /\.ya?ml$/.test(f) && f !== 'kustomization.yaml' && f !== 'secret.example.yaml');
    expect([...listed].sort()).toEqual(manifests.sort());
    expect(listed).not.toContain('secret.example.yaml');
  });

  it('commits no Secret: secrets come from the externally created Secret the example describes', () => {
    expect(find('Secret')).toEqual([]);
    expect(secretExample.kind).toBe('Secret');
    for (const workload of workloads()) {
      for (const [name, source] of containerEnv(mainContainer(workload))) {
        if (!('secret' in source)) continue;
        expect(source.secret.name, `${workload.metadata.name} ${name}`).toBe(secretExample.metadata.name);
        expect(Object.keys(secretExample.stringData ?? {}), `${name}: key documented in secret.example.yaml`).toContain(source.secret.key);
      }
    }
  });

  it('sets only environment variables that are AppConfig properties (ConfigMap, env, secretKeyRef)', () => {
    for (const configMap of find('ConfigMap')) {
      for (const key of Object.keys(configMap.data ?? {})) expect(CONFIG_KEYS, `ConfigMap ${configMap.metadata.name}: ${key}`).toContain(key);
    }
    for (const workload of workloads()) {
      for (const entry of (mainContainer(workload).env ?? []) as Obj[]) expect(CONFIG_KEYS, `${workload.metadata.name}: ${entry.name}`).toContain(entry.name);
      for (const from of (mainContainer(workload).envFrom ?? []) as Obj[]) if (from.configMapRef) one('ConfigMap', from.configMapRef.name);
    }
  });

  it('gives every workload each setting without a default, and a configuration that loadConfig accepts', () => {
    expect(workloads().length).toBeGreaterThanOrEqual(3);
    for (const workload of workloads()) {
      const env = containerEnv(mainContainer(workload));
      for (const key of REQUIRED_KEYS) {
        const source = env.get(key);
        expect(source, `${workload.metadata.name} provides ${key}`).toBeDefined();
        if (source && 'secret' in source) expect(source.secret.optional, `${key} must not be optional`).toBe(false);
      }
      expect(() => effectiveConfig(env), workload.metadata.name).not.toThrow();
    }
  });

  it('keeps the secrets (the keys of the Secret example) out of the ConfigMap', () => {
    const secretKeys = Object.keys(secretExample.stringData ?? {});
    expect(secretKeys).toEqual(expect.arrayContaining(['DB_PASSWORD', 'REDIS_URL']));
    for (const configMap of find('ConfigMap')) {
      for (const key of secretKeys) expect(configMap.data ?? {}, `ConfigMap ${configMap.metadata.name}`).not.toHaveProperty(key);
    }
  });

  describe.each(APPS)('$name Deployment', (app) => {
    const deployment = () => one('Deployment', app.deployment);
    const container = () => mainContainer(deployment());
    const config = () => effectiveConfig(containerEnv(container()));

    it('exposes the port the app listens on (AppConfig default or the ConfigMap value)', () => {
      const port = config()[app.portKey];
      expect(port).toBeGreaterThan(0);
      expect((container().ports as Obj[]).map((p) => p.containerPort)).toEqual([port]);
    });

    it('probes liveness on /healthz and readiness on /readyz, on that port', () => {
      const { livenessProbe, readinessProbe, startupProbe } = container();
      expect(livenessProbe?.httpGet?.path).toBe('/healthz');
      expect(readinessProbe?.httpGet?.path).toBe('/readyz');
      if (startupProbe) expect(startupProbe.httpGet?.path, 'a startup probe on /readyz would kill pods while MySQL is down').toBe('/healthz');
      for (const probe of [livenessProbe, readinessProbe, startupProbe].filter(Boolean)) {
        expect(resolvePort(container(), probe.httpGet.port)).toBe(config()[app.portKey]);
      }
    });

    it('is scraped by Prometheus on /metrics of that port', () => {
      const annotations = deployment().spec.template.metadata.annotations ?? {};
      expect(annotations['prometheus.io/scrape']).toBe('true');
      expect(annotations['prometheus.io/path']).toBe('/metrics');
      expect(Number(annotations['prometheus.io/port'])).toBe(config()[app.portKey]);
    });

    it('has a grace period longer than the preStop sleep plus SHUTDOWN_TIMEOUT_MS', () => {
      const sleep = preStopSleepSeconds(container());
      expect(sleep, 'preStop hook that sleeps').toBeGreaterThan(0);
      const grace = podSpec(deployment()).terminationGracePeriodSeconds;
      expect(grace, 'terminationGracePeriodSeconds').toBeTypeOf('number');
      expect(grace * 1000).toBeGreaterThan(config().SHUTDOWN_TIMEOUT_MS + sleep! * 1000);
      expect(config().SHUTDOWN_DRAIN_MS).toBeLessThan(config().SHUTDOWN_TIMEOUT_MS);
    });

    it('runs the image entry point, as non-root with a read-only root filesystem and a writable /tmp', () => {
      expect(container().command, 'the image CMD starts the app').toBeUndefined();
      const pod = podSpec(deployment());
      expect(pod.securityContext?.runAsNonRoot).toBe(true);
      if (pod.securityContext?.runAsUser !== undefined) expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
      expect(container().securityContext?.readOnlyRootFilesystem).toBe(true);
      expect(container().securityContext?.allowPrivilegeEscalation).toBe(false);
      const tmp = (container().volumeMounts ?? []).find((m: Obj) => m.mountPath === '/tmp');
      expect(tmp, '/tmp mount').toBeDefined();
      expect((pod.volumes ?? []).find((v: Obj) => v.name === tmp.name)?.emptyDir).toBeDefined();
    });

    it('requests and limits CPU and memory (requests within limits)', () => {
      const { requests, limits } = container().resources ?? {};
      for (const resource of ['cpu', 'memory']) {
        expect(requests?.[resource], `requests.${resource}`).toBeDefined();
        expect(limits?.[resource], `limits.${resource}`).toBeDefined();
        expect(quantity(requests[resource])).toBeLessThanOrEqual(quantity(limits[resource]));
      }
    });

    it('is scaled by an autoscaling/v2 HPA (no fixed replicas) and protected by a PodDisruptionBudget that allows drains', () => {
      expect(deployment().spec.replicas, 'replicas belong to the HPA').toBeUndefined();
      const hpas = find('HorizontalPodAutoscaler').filter(
        (h) => h.spec.scaleTargetRef?.kind === 'Deployment' && h.spec.scaleTargetRef?.name === app.deployment,
      );
      expect(hpas).toHaveLength(1);
      expect(hpas[0].apiVersion).toBe('autoscaling/v2');
      expect(hpas[0].spec.minReplicas).toBeGreaterThanOrEqual(1);
      expect(hpas[0].spec.maxReplicas).toBeGreaterThanOrEqual(hpas[0].spec.minReplicas);
      const labels = deployment().spec.template.metadata.labels;
      expect(matches(deployment().spec.selector.matchLabels, labels), 'Deployment selector matches its pods').toBe(true);
      const pdbs = find('PodDisruptionBudget').filter((p) => matches(p.spec.selector?.matchLabels ?? {}, labels));
      expect(pdbs).toHaveLength(1);
      if (typeof pdbs[0].spec.minAvailable === 'number') expect(pdbs[0].spec.minAvailable).toBeLessThan(hpas[0].spec.minReplicas);
    });
  });

  it('routes the api Service to the api pods and their port', () => {
    const service = one('Service', 'pets-api');
    const deployment = one('Deployment', 'pets-api');
    expect(matches(service.spec.selector, deployment.spec.template.metadata.labels)).toBe(true);
    const config = effectiveConfig(containerEnv(mainContainer(deployment)));
    for (const port of service.spec.ports as Obj[]) expect(resolvePort(mainContainer(deployment), port.targetPort ?? port.port)).toBe(config.API_PORT);
  });

  it('migrates with a Job that runs the db:migrate command in the api image', () => {
    const jobs = find('Job');
    expect(jobs).toHaveLength(1);
    const [job] = jobs;
    const container = mainContainer(job);
    expect([...(container.command ?? []), ...(container.args ?? [])]).toEqual(MIGRATE_COMMAND);
    expect(container.image).toBe(mainContainer(one('Deployment', 'pets-api')).image);
    expect(job.spec.backoffLimit).toBeTypeOf('number');
    expect(job.spec.ttlSecondsAfterFinished).toBeTypeOf('number');
    expect(['Never', 'OnFailure']).toContain(podSpec(job).restartPolicy);
    expect(podSpec(job).securityContext?.runAsNonRoot).toBe(true);
    expect(container.securityContext?.readOnlyRootFilesystem).toBe(true);
  });
});

describe.each(OVERLAYS)('Kubernetes overlay %s', (overlay) => {
  it('lists files that exist and patches resources of the base', () => {
    const kustom = kustomization(overlay);
    for (const entry of (kustom.resources ?? []) as string[]) expect(existsSync(abs(join(overlay, entry))), `${overlay}/${entry}`).toBe(true);
    for (const patch of (kustom.patches ?? []) as Obj[]) {
      if (patch.path) expect(existsSync(abs(join(overlay, patch.path))), `${overlay}/${patch.path}`).toBe(true);
    }
    for (const { file, doc } of overlayPatches(overlay))
      expect(find(doc.kind, doc.metadata?.name), `${file} patches ${doc.kind}/${doc.metadata?.name}`).toHaveLength(1);
  });

  it('keeps autoscaling bounds consistent with the disruption budgets after patching', () => {
    for (const hpa of find('HorizontalPodAutoscaler')) {
      const patch = overlayPatches(overlay).find((p) => p.doc.kind === 'HorizontalPodAutoscaler' && p.doc.metadata?.name === hpa.metadata.name);
      const spec = { ...hpa.spec, ...(patch?.doc.spec ?? {}) };
      expect(spec.minReplicas, hpa.metadata.name).toBeLessThanOrEqual(spec.maxReplicas);
      const deployment = one('Deployment', spec.scaleTargetRef.name);
      const pdb = find('PodDisruptionBudget').find((p) => matches(p.spec.selector?.matchLabels ?? {}, deployment.spec.template.metadata.labels));
      if (typeof pdb?.spec.minAvailable === 'number') expect(pdb.spec.minAvailable, `${pdb.metadata.name} vs minReplicas`).toBeLessThan(spec.minReplicas);
    }
  });

  it('renames only images the base uses', () => {
    const used = new Set(workloads().map((w) => mainContainer(w).image));
    for (const image of (kustomization(overlay).images ?? []) as Obj[]) expect(used, `${overlay}: image ${image.name}`).toContain(image.name);
  });

  it('sets only AppConfig properties, and the merged configuration loads', () => {
    for (const { doc } of overlayPatches(overlay)) {
      if (doc.kind === 'ConfigMap') for (const key of Object.keys(doc.data ?? {})) expect(CONFIG_KEYS, `${overlay}: ${key}`).toContain(key);
    }
    for (const workload of workloads()) expect(() => effectiveConfig(containerEnv(mainContainer(workload), overlay))).not.toThrow();
  });
});

describe('docker compose (docker/compose.yaml)', () => {
  const services = () => compose.services as Record<string, Obj>;

  it('builds the api, the worker and the migration from the repository Dockerfiles', () => {
    const built = Object.fromEntries(composeAppServices().map(([name, service]) => [name, service.build]));
    expect(Object.keys(built).sort()).toEqual(['api', 'migrate', 'worker']);
    for (const build of Object.values(built)) {
      expect(resolve(dirname(abs(COMPOSE)), build.context), 'build context is the repository root').toBe(root);
      expect(existsSync(resolve(dirname(abs(COMPOSE)), build.context, build.dockerfile)), build.dockerfile).toBe(true);
    }
    expect(built.api.dockerfile).toBe('docker/api.Dockerfile');
    expect(built.worker.dockerfile).toBe('docker/worker.Dockerfile');
    expect(built.migrate.dockerfile).toBe('docker/api.Dockerfile');
  });

  it('sets only AppConfig properties, every setting without a default, and values loadConfig accepts', () => {
    for (const [name, service] of composeAppServices()) {
      const env = composeEnv(service);
      for (const key of Object.keys(env)) expect(CONFIG_KEYS, `${name}: ${key}`).toContain(key);
      for (const key of REQUIRED_KEYS) expect(env[key], `${name} provides ${key}`).toBeDefined();
      expect(() => loadConfig(env), name).not.toThrow();
    }
  });

  it('points the apps at the compose MySQL (DB_ENGINE=mysql) and Redis', () => {
    for (const [name, service] of composeAppServices()) {
      const config = loadConfig(composeEnv(service));
      const database = services()[config.DB_HOST];
      expect(database?.image, `${name}: DB_HOST ${config.DB_HOST} is a compose service`).toMatch(/^mysql:8/);
      expect(config.DB_ENGINE).toBe('mysql');
      const env = composeEnv(database);
      expect(env.MYSQL_USER ?? 'root').toBe(config.DB_USER);
      expect(env.MYSQL_USER ? env.MYSQL_PASSWORD : env.MYSQL_ROOT_PASSWORD).toBe(config.DB_PASSWORD);
      expect(env.MYSQL_DATABASE).toBe(config.DB_NAME);
      expect(services()[new URL(config.REDIS_URL).hostname]?.image, `${name}: REDIS_URL host`).toMatch(/^redis:/);
      expect(services()[new URL(config.SMTP_URL).hostname]?.image, `${name}: SMTP_URL host`).toMatch(/^axllent\/mailpit/);
    }
  });

  it.each(APPS)('publishes the $name port and gives it time to stop gracefully', (app) => {
    const service = services()[app.name];
    const config = loadConfig(composeEnv(service));
    expect((service.ports as (string | Obj)[]).map(containerPortOf)).toEqual([config[app.portKey]]);
    expect(durationMs(service.stop_grace_period ?? '10s')).toBeGreaterThan(config.SHUTDOWN_TIMEOUT_MS);
  });

  it('starts the apps after a healthy MySQL and Redis and a successful migration, which runs db:migrate', () => {
    expect(services().migrate.command).toEqual(MIGRATE_COMMAND);
    expect(services().migrate.depends_on?.mysql?.condition).toBe('service_healthy');
    for (const app of APPS) {
      const dependsOn = services()[app.name].depends_on ?? {};
      expect(dependsOn.migrate?.condition, app.name).toBe('service_completed_successfully');
      expect(dependsOn.mysql?.condition, app.name).toBe('service_healthy');
      expect(dependsOn.redis?.condition, app.name).toBe('service_healthy');
    }
    for (const [name, service] of Object.entries(services())) {
      for (const [dependency, { condition }] of Object.entries((service.depends_on ?? {}) as Record<string, Obj>)) {
        expect(services()[dependency], `${name} depends on ${dependency}`).toBeDefined();
        if (condition === 'service_healthy') expect(services()[dependency].healthcheck?.test, `${dependency} healthcheck`).toBeDefined();
      }
    }
  });

  it('runs MySQL durable in utf8mb4 and a Redis that never evicts queue keys', () => {
    const mysql = (services().mysql.command as string[]).join(' ');
    expect(mysql).toContain('--innodb-flush-log-at-trx-commit=1');
    expect(mysql).toContain('--character-set-server=utf8mb4');
    const redis = (services().redis.command as string[]).join(' ');
    expect(redis).toContain('--maxmemory-policy noeviction');
    expect(redis).toContain('--appendonly yes');
    expect(services().minio?.image).toMatch(/^minio\/minio/);
    expect(services().mailpit?.image).toMatch(/^axllent\/mailpit/);
  });
});

describe.each(APPS)('Dockerfile of the $name', (app) => {
  const dockerfile = () => parseDockerfile(app.dockerfile);
  const finalOf = (keyword: string) => dockerfile().final.filter((i) => i.keyword === keyword);

  it('starts from Node 20 LTS and has separate build and runtime stages', () => {
    const { stages } = dockerfile();
    expect(stages.length).toBeGreaterThanOrEqual(3);
    for (const stage of stages)
      expect(stage.image, 'every stage is Node 20 (or a previous stage)').toMatch(
        new RegExp(
          `^(node:20[.-].*slim|${stages
            .map((s) => s.name)
            .filter(Boolean)
            .join('|')})$`,
        ),
      );
  });

  it('starts the app with the exec-form CMD of the package.json start script', () => {
    const cmd = finalOf('CMD');
    expect(cmd.length).toBeGreaterThan(0);
    const command = execForm(cmd[cmd.length - 1].args);
    expect(command).toEqual(scriptCommand(app.startScript));
    expect(finalOf('ENTRYPOINT'), 'the base image entrypoint execs the CMD').toEqual([]);
    const entry = command.find((part) => part.startsWith('dist/'))!;
    expect(existsSync(abs(entry.replace(/^dist\//, '').replace(/\.js$/, '.ts'))), `source of ${entry}`).toBe(true);
  });

  it('runs as a non-root user in production mode', () => {
    const users = finalOf('USER');
    expect(users.length, 'USER in the runtime stage').toBeGreaterThan(0);
    expect(users[users.length - 1].args.split(':')[0]).not.toMatch(/^(root|0)$/);
    const env = finalOf('ENV')
      .map((i) => i.args)
      .join(' ');
    expect(env).toMatch(/\bNODE_ENV[= ]production\b/);
    for (const [, key] of env.matchAll(/(?:^|\s)(\w+)=/g)) expect(CONFIG_KEYS, `ENV ${key}`).toContain(key);
  });

  it('exposes (and health-checks) the port the app listens on by default', () => {
    const env = Object.fromEntries(finalOf('ENV').flatMap((i) => [...i.args.matchAll(/(\w+)=(\S+)/g)].map((m) => [m[1], m[2]])));
    const port = env[app.portKey] !== undefined ? Number(env[app.portKey]) : new AppConfig()[app.portKey];
    expect(
      finalOf('EXPOSE')
        .flatMap((i) => i.args.split(/\s+/))
        .map((p) => Number(p.split('/')[0])),
    ).toEqual([port]);
    for (const check of finalOf('HEALTHCHECK')) {
      expect(check.args).toContain('/healthz');
      expect(check.args).toContain(app.portKey);
      expect(check.args).toContain(String(port));
    }
  });

  it('ships production dependencies only, the compiled dist/ and (api) the bundled contract', () => {
    const { instructions, stages } = dockerfile();
    const stageIndex = (name: string) => stages.findIndex((s) => s.name === name);
    const runs = (stage: number) =>
      instructions
        .filter((i) => i.stage === stage && i.keyword === 'RUN')
        .map((i) => i.args)
        .join('\n');
    const copiesFrom = (path: string) => finalOf('COPY').filter((i) => new RegExp(`--from=\\S+\\s+\\S*${path}\\b`).test(i.args));
    const [nodeModules] = copiesFrom('/app/node_modules');
    expect(nodeModules, 'node_modules copied from a dependency stage').toBeDefined();
    expect(runs(stageIndex(/--from=(\S+)/.exec(nodeModules.args)![1]))).toMatch(/npm ci\b.*--omit=dev|npm prune\b.*--omit=dev/);
    const [dist] = copiesFrom('/app/dist');
    expect(dist, 'dist copied from the build stage').toBeDefined();
    const buildStage = stageIndex(/--from=(\S+)/.exec(dist.args)![1]);
    const buildRuns = instructions
      .filter((i) => i.stage <= buildStage && i.keyword === 'RUN')
      .map((i) => i.args)
      .join('\n');
    expect(buildRuns).toMatch(/npm ci\b/);
    expect(buildRuns).toMatch(/npm run build\b/);
    if (app.name === 'api') {
      expect(finalOf('COPY').some((i) => /(^|\s)openapi\/dist\/?\s/.test(i.args))).toBe(true);
      expect(existsSync(abs('openapi/dist/openapi.json'))).toBe(true);
    }
  });

  it('has a <Dockerfile>.dockerignore that keeps out local state but not what the build copies', () => {
    const ignoreFile = `${app.dockerfile}.dockerignore`;
    expect(existsSync(abs(ignoreFile)), ignoreFile).toBe(true);
    const ignored = dockerIgnore(ignoreFile);
    for (const path of ['node_modules', 'libs/common/node_modules/x', 'dist/apps/api/src/main.js', '.git/HEAD', '.env']) expect(ignored(path), path).toBe(true);
    const { instructions } = dockerfile();
    const sources = instructions
      .filter((i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && !/--from=/.test(i.args))
      .flatMap((i) => i.args.replace(/--\S+/g, '').trim().split(/\s+/).slice(0, -1));
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect(existsSync(abs(source)), `COPY source ${source}`).toBe(true);
      expect(ignored(source), `COPY source ${source} is ignored`).toBe(false);
    }
    const entry = execForm(finalOf('CMD').pop()!.args).find((part) => part.startsWith('dist/'))!;
    for (const needed of ['package-lock.json', 'tsconfig.build.json', entry.replace(/^dist\//, '').replace(/\.js$/, '.ts'), 'libs/common/src/index.ts']) {
      expect(ignored(needed), `${needed} is ignored`).toBe(false);
    }
  });
});

describe('GitHub workflow (.github/workflows/ci.yml)', () => {
  const workflow = parse(read('.github/workflows/ci.yml')) as Obj;
  const steps = () => Object.values(workflow.jobs as Record<string, Obj>).flatMap((job) => (job.steps ?? []) as Obj[]);

  it('runs only npm scripts that exist, including typecheck, contract:check and the tests', () => {
    const scripts = steps().flatMap((step) => [...String(step.run ?? '').matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]));
    for (const script of scripts) expect(Object.keys(packageJson.scripts), `npm run ${script}`).toContain(script);
    expect(scripts).toEqual(expect.arrayContaining(['typecheck', 'contract:check']));
    expect(steps().some((step) => /^npm (test|run test)\b/m.test(String(step.run ?? '')))).toBe(true);
    expect(steps().some((step) => /^npm ci\b/m.test(String(step.run ?? '')))).toBe(true);
  });

  it('tests against the MySQL and Redis of compose, with the engine the test config reads', () => {
    const yaml = read('.github/workflows/ci.yml');
    const services = compose.services as Record<string, Obj>;
    expect(yaml).toContain(`image: ${services.mysql.image}`);
    expect(yaml).toContain(`image: ${services.redis.image}`);
    const testJob = Object.values(workflow.jobs as Record<string, Obj>).find((job) => job.env?.TEST_DB_ENGINE !== undefined);
    expect(testJob, 'a job setting TEST_DB_ENGINE').toBeDefined();
    const engines = (testJob!.strategy?.matrix?.db ?? []).map((db: Obj) => db.engine);
    expect(engines.length ? engines : [testJob!.env.TEST_DB_ENGINE]).toContain('mysql');
    expect(testJob!.env.TEST_DB_HOST).toBe('127.0.0.1');
  });
});
