/**
 * Builds the Teams app package (the zip you upload to Teams) for one environment:
 *   1. reads env/.env.<env> (default: local),
 *   2. fills the ${{VAR}} placeholders in appPackage/manifest.json, naming any variable that is missing,
 *   3. validates the result offline against the official schema of the manifest's own version
 *      (shipped in @microsoft/app-manifest) plus the limits Teams applies to bot commands,
 *   4. writes build/appPackage.<env>.zip with manifest.json, color.png and outline.png at its root.
 *
 * Usage: npm run package [-- --env dev] [-- --env-file path/to/.env] [-- --out path/to/app.zip]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import AdmZip from 'adm-zip';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import { z } from 'zod';
import { readPngSize } from './make-icons';

export const PROJECT_ROOT = path.resolve(__dirname, '..');
export const APP_PACKAGE_DIR = path.join(PROJECT_ROOT, 'appPackage');

/** Variables that may be set to an empty value (an empty suffix means "no suffix"). */
export const MAY_BE_EMPTY: readonly string[] = ['APP_NAME_SUFFIX'];

/** Teams' documented limits for bot commands (the schema itself allows longer text). */
export const COMMAND_TITLE_MAX = 32;
export const COMMAND_DESCRIPTION_MAX = 128;

/** Icon sizes Teams requires, by manifest icon key. */
export const ICON_SIZES = { color: 192, outline: 32 } as const;

export class PackageError extends Error {
  override readonly name: string = 'PackageError';
}

export class MissingVariablesError extends PackageError {
  override readonly name = 'MissingVariablesError';
  constructor(
    readonly variables: readonly string[],
    where: string,
  ) {
    super(
      `Missing environment variable${variables.length === 1 ? '' : 's'} ${variables.join(', ')} (needed by ${where})`,
    );
  }
}

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const VAR_NAME = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'is not a valid variable name');

/** The names used in ${{NAME}} placeholders, in order of first use. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))];
}

/**
 * Parses a dotenv-style file as Teams Toolkit writes them: KEY=VALUE lines, `#` comments,
 * optional single or double quotes around the value, optional `export ` prefix.
 */
export function parseEnvFile(text: string, source = 'env file'): Record<string, string> {
  const vars: Record<string, string> = {};
  text.split(/\r?\n/).forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) return;
    const match = /^(?:export\s+)?([^=\s]+)\s*=\s*(.*)$/.exec(line);
    const name = VAR_NAME.safeParse(match?.[1]);
    if (!match || !name.success)
      throw new PackageError(`${source}:${index + 1}: expected NAME=value, got ${JSON.stringify(rawLine)}`);
    let value = match[2] ?? '';
    const quoted = /^(["'])(.*)\1$/.exec(value);
    if (quoted) {
      value = quoted[2] ?? '';
      if (quoted[1] === '"') value = value.replace(/\\n/g, '\n').replace(/\\"/g, '"');
    } else {
      value = value.replace(/\s+#.*$/, '').trim();
    }
    vars[name.data] = value;
  });
  return vars;
}

export function readEnvFile(file: string): Record<string, string> {
  if (!fs.existsSync(file))
    throw new PackageError(`Environment file not found: ${path.relative(process.cwd(), file) || file}`);
  return parseEnvFile(fs.readFileSync(file, 'utf8'), path.relative(process.cwd(), file) || file);
}

export interface FillOptions {
  /** Variables allowed to be empty; any other empty variable counts as missing. */
  mayBeEmpty?: readonly string[];
  /** Escape values for use inside JSON strings (default true). */
  json?: boolean;
  /** Named in the error message, e.g. "appPackage/manifest.json". */
  where?: string;
}

/**
 * Replaces every ${{NAME}} in `template` with its value. Throws a MissingVariablesError naming
 * every variable that is undefined, or empty when it may not be.
 */
export function fillPlaceholders(
  template: string,
  vars: Readonly<Record<string, string | undefined>>,
  options: FillOptions = {},
): string {
  const mayBeEmpty = new Set(options.mayBeEmpty ?? MAY_BE_EMPTY);
  const missing = placeholdersIn(template).filter((name) => {
    const value = vars[name];
    return value === undefined || (value === '' && !mayBeEmpty.has(name));
  });
  if (missing.length > 0) throw new MissingVariablesError(missing, options.where ?? 'the template');
  const escape = options.json ?? true;
  return template.replace(PLACEHOLDER, (_whole, name: string) => {
    const value = vars[name] ?? '';
    return escape ? JSON.stringify(value).slice(1, -1) : value;
  });
}

type ManifestSchema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;

const ManifestHead = z.object({
  manifestVersion: z.string().regex(/^(\d+\.\d+|devPreview)$/, 'must look like "1.22"'),
});

/** The folder of official Teams manifest schemas shipped by @microsoft/app-manifest. */
export function teamsSchemaDir(): string {
  return path.join(path.dirname(require.resolve('@microsoft/app-manifest')), 'json-schemas', 'teams');
}

/** Loads the official schema for one manifest version from disk (no network). */
export function loadManifestSchema(manifestVersion: string): ManifestSchema {
  const file = path.join(teamsSchemaDir(), `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
  if (!fs.existsSync(file)) {
    throw new PackageError(
      `No offline schema for manifest version ${manifestVersion} in @microsoft/app-manifest (looked for ${file})`,
    );
  }
  // Same clean-up @microsoft/app-manifest applies: some schema versions contain \a and \v escapes.
  const text = fs.readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  const schema: unknown = JSON.parse(text);
  return schema as ManifestSchema;
}

const CommandLists = z
  .object({
    bots: z
      .array(
        z.object({
          commandLists: z
            .array(
              z.object({
                scopes: z.array(z.string()),
                commands: z.array(z.object({ title: z.string(), description: z.string() })),
              }),
            )
            .optional(),
        }),
      )
      .optional(),
  })
  .passthrough();

/**
 * Validates a filled-in manifest against the official schema of its declared manifestVersion,
 * offline, and against Teams' limits for bot command text. Returns the problems (empty = valid).
 */
export async function validateManifest(manifest: unknown): Promise<string[]> {
  const head = ManifestHead.safeParse(manifest);
  if (!head.success) return head.error.issues.map((i) => `/${i.path.join('/')} ${i.message}`);
  const schema = loadManifestSchema(head.data.manifestVersion);
  const problems = await AppManifestUtils.validateAgainstSchema(manifest as AppManifest, schema);

  const leftOver = placeholdersIn(JSON.stringify(manifest));
  if (leftOver.length > 0) problems.push(`unfilled placeholders: ${leftOver.join(', ')}`);

  const lists = CommandLists.safeParse(manifest);
  if (lists.success) {
    lists.data.bots?.forEach((bot, b) =>
      bot.commandLists?.forEach((list, l) =>
        list.commands.forEach((command, c) => {
          const at = `/bots/${b}/commandLists/${l}/commands/${c}`;
          if (command.title.length > COMMAND_TITLE_MAX)
            problems.push(`${at}/title is longer than ${COMMAND_TITLE_MAX} characters`);
          if (command.description.length > COMMAND_DESCRIPTION_MAX) {
            problems.push(`${at}/description is longer than ${COMMAND_DESCRIPTION_MAX} characters`);
          }
        }),
      ),
    );
  }
  return problems;
}

const Icons = z.object({ icons: z.object({ color: z.string().min(1), outline: z.string().min(1) }) });

export interface BuildOptions {
  /** Environment name: reads env/.env.<env> and names the zip appPackage.<env>.zip. */
  env?: string;
  /** Read variables from this file instead of env/.env.<env>. */
  envFile?: string;
  /** Variables given directly; they win over the env file's values. */
  vars?: Readonly<Record<string, string>>;
  /** Where to write the zip (default build/appPackage.<env>.zip under the project). */
  outFile?: string;
  /** Folder holding manifest.json and the icons (default appPackage/). */
  appPackageDir?: string;
}

export interface BuiltPackage {
  zipPath: string;
  manifest: unknown;
  entries: string[];
}

function iconFile(dir: string, relative: string): string {
  const file = path.resolve(dir, relative);
  if (path.dirname(file) !== path.resolve(dir)) {
    throw new PackageError(`Icon ${relative} must sit beside manifest.json so it lands at the zip's root`);
  }
  if (!fs.existsSync(file)) throw new PackageError(`Icon not found: ${file} (run npx tsx scripts/make-icons.ts)`);
  return file;
}

/** Fills, validates and zips the app package. Throws a PackageError explaining what is wrong. */
export async function buildPackage(options: BuildOptions = {}): Promise<BuiltPackage> {
  const env = options.env ?? 'local';
  const dir = options.appPackageDir ?? APP_PACKAGE_DIR;
  const envFile = options.envFile ?? path.join(PROJECT_ROOT, 'env', `.env.${env}`);
  // Without an env file, variables given directly are enough (tests); otherwise the file must exist.
  const useFile = options.envFile !== undefined || options.vars === undefined || fs.existsSync(envFile);
  const vars = { ...(useFile ? readEnvFile(envFile) : {}), ...options.vars };

  const manifestPath = path.join(dir, 'manifest.json');
  const template = fs.readFileSync(manifestPath, 'utf8');
  const filled = fillPlaceholders(template, vars, { where: path.relative(PROJECT_ROOT, manifestPath) });
  const manifest: unknown = JSON.parse(filled);

  const problems = await validateManifest(manifest);
  if (problems.length > 0)
    throw new PackageError(`The manifest for "${env}" is not valid:\n  ${problems.join('\n  ')}`);

  const icons = Icons.parse(manifest).icons;
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'));
  for (const [key, size] of Object.entries(ICON_SIZES) as [keyof typeof ICON_SIZES, number][]) {
    const file = iconFile(dir, icons[key]);
    const png = fs.readFileSync(file);
    const actual = readPngSize(png);
    if (actual.width !== size || actual.height !== size) {
      throw new PackageError(
        `${icons[key]} is ${actual.width}x${actual.height}; Teams needs ${size}x${size} for the ${key} icon`,
      );
    }
    zip.addFile(path.basename(file), png);
  }

  const zipPath = path.resolve(options.outFile ?? path.join(PROJECT_ROOT, 'build', `appPackage.${env}.zip`));
  fs.mkdirSync(path.dirname(zipPath), { recursive: true });
  zip.writeZip(zipPath);
  return { zipPath, manifest, entries: zip.getEntries().map((e) => e.entryName) };
}

const Args = z.object({
  env: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'must be an environment name such as local or dev')
    .default('local'),
  'env-file': z.string().min(1).optional(),
  out: z.string().min(1).optional(),
  help: z.boolean().default(false),
});

const USAGE = `Usage: npm run package -- [--env <name>] [--env-file <path>] [--out <zip>]
  --env       environment name; reads env/.env.<name> (default: local)
  --env-file  read variables from this file instead
  --out       where to write the zip (default: build/appPackage.<env>.zip)`;

export async function main(argv: readonly string[]): Promise<number> {
  let args: z.infer<typeof Args>;
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        env: { type: 'string' },
        'env-file': { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    });
    args = Args.parse(values);
  } catch (error) {
    const message =
      error instanceof z.ZodError
        ? error.issues.map((i) => `--${i.path.join('.')} ${i.message}`).join('\n')
        : String(error instanceof Error ? error.message : error);
    console.error(`${message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  try {
    const built = await buildPackage({
      env: args.env,
      ...(args['env-file'] === undefined ? {} : { envFile: path.resolve(args['env-file']) }),
      ...(args.out === undefined ? {} : { outFile: path.resolve(args.out) }),
    });
    console.log(`Wrote ${path.relative(process.cwd(), built.zipPath)} (${built.entries.join(', ')})`);
    return 0;
  } catch (error) {
    if (error instanceof PackageError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
